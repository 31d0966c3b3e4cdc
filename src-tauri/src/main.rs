// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Reports allocate and free tens of megabytes of rows each time they run; glibc's allocator gave
/// that memory back between runs and each run paid again for mapping it in (see the CLI's).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    voronka_app::run();
}
