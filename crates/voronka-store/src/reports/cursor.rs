//! Rows an export pulls while a task of their own reads them from the database.

use std::future::Future;
use tokio::sync::mpsc;
use voronka_core::Result;
use voronka_core::reports::ExportRows;

/// How many rows wait between the database and the file being written: enough to keep both
/// busy, few enough to be nothing in memory.
const ROWS_IN_FLIGHT: usize = 256;

/// Where the reading task hands its rows over.
pub(super) struct Out<T>(mpsc::Sender<Result<T>>);

impl<T> Out<T> {
    /// Hands a row over once there is room; false when the export stopped taking rows (it
    /// failed, or was dropped), and the reading should stop.
    pub(super) async fn send(&self, row: T) -> bool {
        self.0.send(Ok(row)).await.is_ok()
    }
}

/// Starts `read` on a task of its own and returns the rows it sends, in order, for an export to
/// pull. The task reads in one snapshot; it stops early, and lets its snapshot and connection go,
/// when the export stops pulling. Its error, if any, is the last row.
pub(super) fn spawn_reading<T, F, Fut>(read: F) -> ExportRows<T>
where
    T: Send + 'static,
    F: FnOnce(Out<T>) -> Fut,
    Fut: Future<Output = Result<()>> + Send + 'static,
{
    let (tx, rx) = mpsc::channel(ROWS_IN_FLIGHT);
    let reading = read(Out(tx.clone()));
    tokio::spawn(async move {
        if let Err(e) = reading.await {
            // Nobody is left to tell when the export has already stopped.
            let _ = tx.send(Err(e)).await;
        }
    });
    Box::new(Received(rx))
}

/// Each pull waits for the reading task.
struct Received<T>(mpsc::Receiver<Result<T>>);

impl<T> Iterator for Received<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.blocking_recv()
    }
}
