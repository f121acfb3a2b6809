package dev.crmkit.service.document;

/** What a document of a visit is. */
public enum DocumentKind {
    /** A photo taken on site. */
    PHOTO,
    /** A certificate (of conformity, of a test, of a water analysis). */
    CERTIFICATE,
    /** A signed form or anything else. */
    OTHER
}
