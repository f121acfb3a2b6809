package dev.crmkit.core.scoring;

/** The groups scoring rules belong to; each has its own cap in a {@link ScoringModel}. */
public enum ScoreGroup {
    /** What the person did: site visits, clicks, price-list downloads, demo sign-ups, chat questions, e-mail opens. */
    BEHAVIOUR,
    /** Who they are: industry, location, company size, language. */
    FIT,
    /** How they engage with campaigns. */
    CAMPAIGN,
    /** Earlier calls, meetings and e-mails with them. */
    COMMUNICATION,
    /** What they said they need. */
    NEED;

    /** Whether points of this group lose weight with age: behaviour only. */
    public boolean decays() {
        return this == BEHAVIOUR;
    }
}
