package io.dengta.commons.journal;

/** What a write did, as the change feed reports it. */
public enum Operation {
    UPSERT("upsert"), DELETE("delete");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
