package io.dengta.gateway.dashboard;

/** What each call to a service carries from the caller's request, so the service applies the caller's own scope. */
record Caller(String authorization, String requestId) {
}
