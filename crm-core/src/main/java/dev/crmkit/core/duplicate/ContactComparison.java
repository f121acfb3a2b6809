package dev.crmkit.core.duplicate;

import static dev.crmkit.core.duplicate.Similarity.q;

/** Compares e-mail addresses (local part and domain) and phone numbers (country and national part). */
final class ContactComparison {

    private ContactComparison() {
    }

    /**
     * E-mail: exact, the same local part at another domain, a typo in the local part (not in its first letter,
     * which is an initial in {@code j.smith} and {@code n.smith} of one household), different.
     */
    static Comparison email(Prepared a, Prepared b) {
        return email(a, b, true);
    }

    /** The e-mail address; without {@code explain} the detail is short. */
    static Comparison email(Prepared a, Prepared b, boolean explain) {
        if (a.record.email().isEmpty() || b.record.email().isEmpty()) {
            return Comparison.missing(Field.EMAIL);
        }
        String pair = explain ? q(a.record.email()) + " ~ " + q(b.record.email()) : "";
        String note = !explain ? "" : textNote(a.emailIsAddress, a.record.email()) + textNote(b.emailIsAddress, b.record.email());
        if (a.emailLocal.equals(b.emailLocal) && a.emailDomain.equals(b.emailDomain)) {
            return Comparison.of(Field.EMAIL, Level.EXACT, pair + ": equal" + note);
        }
        if (a.emailLocal.equals(b.emailLocal) && a.emailLocal.length() >= 3) {
            return Comparison.of(Field.EMAIL, Level.VARIANT, pair + ": same local part, other domain" + note);
        }
        if (a.emailLocal.length() >= 4 && a.emailLocal.charAt(0) == b.emailLocal.charAt(0)
                && Similarity.oneEdit(a.emailLocal, b.emailLocal)) {
            return Comparison.of(Field.EMAIL, Level.TYPO, pair + ": local part one typo apart" + note);
        }
        String domain = a.emailDomain.equals(b.emailDomain) && !a.emailDomain.isEmpty() ? " (same domain)" : "";
        return Comparison.of(Field.EMAIL, Level.DIFFERENT, pair + ": different" + domain + note);
    }

    /**
     * Phone: the same number, the same national part in another country, one digit off, different. A number that
     * did not parse on its own (no country given) is read again in the other number's country.
     */
    static Comparison phone(Prepared a, Prepared b) {
        return phone(a, b, true);
    }

    /** The phone number; without {@code explain} the detail is short. */
    static Comparison phone(Prepared a, Prepared b, boolean explain) {
        if (a.phoneNational.isEmpty() || b.phoneNational.isEmpty()) {
            return Comparison.missing(Field.PHONE);
        }
        if (a.phoneIsNumber != b.phoneIsNumber) {
            Prepared parsed = a.phoneIsNumber ? a : b;
            Prepared other = a.phoneIsNumber ? b : a;
            Prepared reread = other.rereadPhone(parsed.phoneCountry);
            if (reread.phoneIsNumber) {
                return a.phoneIsNumber ? phone(a, reread, explain) : phone(reread, b, explain);
            }
        }
        String pair = explain ? q(a.record.phone()) + " ~ " + q(b.record.phone()) : "";
        String note = explain ? phoneNote(a) + phoneNote(b) : "";
        boolean sameCountry = a.phoneCountry == b.phoneCountry || !a.phoneIsNumber || !b.phoneIsNumber;
        if (a.phoneNational.equals(b.phoneNational)) {
            return sameCountry ? Comparison.of(Field.PHONE, Level.EXACT, pair + ": equal" + note)
                    : Comparison.of(Field.PHONE, Level.PARTIAL, pair + ": same national number, country code +"
                    + a.phoneCountry + " vs +" + b.phoneCountry + note);
        }
        if (!(a.phoneIsNumber && b.phoneIsNumber) && a.phoneNational.length() >= 7 && b.phoneNational.length() >= 7
                && (a.phoneNational.endsWith(b.phoneNational) || b.phoneNational.endsWith(a.phoneNational))) {
            return Comparison.of(Field.PHONE, Level.PARTIAL, pair + ": one ends with the other" + note);
        }
        if (a.phoneNational.length() >= 6 && Similarity.oneEdit(a.phoneNational, b.phoneNational)) {
            return Comparison.of(Field.PHONE, Level.TYPO, pair + ": one digit off or two digits swapped" + note);
        }
        return Comparison.of(Field.PHONE, Level.DIFFERENT, pair + ": different" + note);
    }

    private static String textNote(boolean parsed, String raw) {
        return parsed ? "" : "; " + q(raw) + " is not an e-mail address, compared as text";
    }

    private static String phoneNote(Prepared p) {
        return p.phoneIsNumber ? "" : "; " + q(p.record.phone()) + " is not a valid phone number, compared as text";
    }
}
