package io.dengta.commons.security;

/** The roles of api-conventions.md, as they appear in the token's {@code groups} (or realm roles). */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String CATALOG_ADMIN = "catalog-admin";
    public static final String BUREAU_ANALYST = "bureau-analyst";
    public static final String SCHOOL_CLERK = "school-clerk";
    public static final String DATA_FEED = "data-feed";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
