package io.rebound.plan.rules;

/** The checks of DOMAIN.md, each with the key alerts carry and one line a person can read. */
public enum Rule {
    /** DOMAIN.md caps table, REST and RECOVER rows: "none: any run = OVERLOAD". */
    NO_RUNNING_BEFORE_DAY_8("no running in days 1-7");

    private final String text;

    Rule(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
