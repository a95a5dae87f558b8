package io.rebound.support.security;

/** The roles of the {@code groups} claim of a Rebound bearer token. */
public final class Roles {

    /** A runner; the token's subject is their runnerId. */
    public static final String RUNNER = "runner";

    /** A physical therapist; the token's subject is their PT id ({@link PtIds}). */
    public static final String PT = "pt";

    /** An operator: may see and change everything. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
