// Component tests run under @web/test-runner's Mocha: its `describe`/`it` globals, for browser test files only.
/// <reference types="mocha" />
