package dev.crmkit.core.duplicate;

/**
 * The one dependence between fields that the Fellegi-Sunter sum cannot see: people of one household share a family
 * name, a street, a place and often a phone, so those agreements are not independent evidence. When the given names
 * differ and nothing personal agrees (birthday, e-mail, identifier at least one typo close), the agreements of
 * street, place and phone are not counted: they say "same household", not "same person".
 */
final class HouseholdRule {

    private static final int EXACT = Level.EXACT.ordinal();
    private static final int VARIANT = Level.VARIANT.ordinal();
    private static final int TYPO = Level.TYPO.ordinal();

    private HouseholdRule() {
    }

    /** Whether the pair, given its level per field (ordinals by field ordinal), looks like two people of a home. */
    static boolean applies(byte[] levels) {
        return levels[Field.FIRST_NAME.ordinal()] == Level.DIFFERENT.ordinal()
                && !personal(levels[Field.BIRTHDAY.ordinal()])
                && !personal(levels[Field.EMAIL.ordinal()])
                && !personal(levels[Field.IDENTIFIER.ordinal()]);
    }

    private static boolean personal(int level) {
        return level == EXACT || level == VARIANT || level == TYPO;
    }

    /** Whether the rule discounts this field's positive weight. */
    static boolean discounts(Field field) {
        return field == Field.STREET || field == Field.PLACE || field == Field.PHONE;
    }
}
