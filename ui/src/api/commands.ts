// The typed commands, generated from the Rust shell into ../bindings.ts.
export { commands } from '../bindings';
