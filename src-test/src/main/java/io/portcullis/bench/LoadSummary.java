package io.portcullis.bench;

/** What a load run measured, whichever client drove it; latencies in milliseconds. */
record LoadSummary(int ok, int failed, double seconds, double p50Millis, double p99Millis, long clientPid) {

    double perSecond() {
        return ok / seconds;
    }

    static LoadSummary of(LoadClient.Result result) {
        return new LoadSummary(result.ok(), result.failed(), result.elapsedNanos() / 1e9, result.percentile(50), result.percentile(99),
                ProcessHandle.current().pid());
    }
}
