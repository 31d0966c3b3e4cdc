//! What a move into a team database (`team move`) may change in export-json, taken out so a
//! test compares the rest of the two databases as equal.

use serde_json::Value;

/// export-json's text as JSON without what a move adds: every user's login (the mover's is
/// new) and whether they must change their password, and the move's own audit entry.
pub fn comparable_after_move(export_json: &[u8]) -> Value {
    let mut export: Value = serde_json::from_slice(export_json).expect("export-json writes JSON");
    for user in export["users"].as_array_mut().expect("export-json lists users") {
        user["login"] = Value::Null;
        user["must_change_password"] = 0.into();
    }
    export["audit_log"]
        .as_array_mut()
        .expect("export-json lists the audit log")
        .retain(|e| e["entity"] != "team_move");
    export
}
