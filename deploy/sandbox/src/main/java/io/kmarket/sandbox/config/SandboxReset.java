package io.kmarket.sandbox.config;

/** CDI event fired by POST /sandbox/reset so beans holding client state (sessions, tokens) forget it. */
public record SandboxReset() {
}
