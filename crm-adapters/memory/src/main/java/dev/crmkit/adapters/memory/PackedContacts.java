package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.internal.StoredValues;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The stored form of the in-memory contacts: one byte array per contact instead of the {@link Contact} record with
 * its name, list, e-mail, phone and string objects (issue 17: the heap per stored contact). The array holds, in this
 * order, the id (its UUID as two 8-byte numbers, so the table keeps no id object per contact), the insertion number and the version (variable-length numbers: one byte below 128), a flags byte, the
 * creation time and, unless equal to it, the update time (seconds zig-zag coded and nanoseconds, both variable-length),
 * the two name parts and every e-mail and phone (each list after its count) as text: each string as its length and
 * then one byte per character when every character fits in Latin-1, two bytes (UTF-16) otherwise, so any string
 * (unpaired surrogates too) reads back exactly. The table of contacts orders by {@link Contact#createdAt()}, which
 * {@link #creation} reads in place.
 *
 * <p>The rarer parts follow, each only when set (a flag bit says which): addresses, the language as its BCP 47 tag,
 * the birthday, the consent, the affiliations (company id, roles as bits, site) and the owner. Custom fields, and a
 * language whose tag would not read back as the same {@link Locale}, are kept as the immutable objects they are,
 * beside the array in a {@link WithRest}; a contact without them is the array alone. Reads rebuild the
 * {@link Contact}, equal to the one stored: e-mails through their public constructor (which checks them again, a
 * cheap scan), phones through {@link StoredValues} from the form a validated {@link PhoneNumber} wrote (running
 * libphonenumber again on every read cost more than the rest of the read, issue 17).
 */
final class PackedContacts implements RowCodec<ContactId, Contact> {

    /** Flag: {@code updatedAt} equals {@code createdAt} and is not written again. */
    private static final int UPDATED_AS_CREATED = 1;
    /** Flags of the rarer parts written after the phones, each only when set. */
    private static final int ADDRESSES = 1 << 1;
    private static final int LANGUAGE = 1 << 2;
    private static final int BIRTHDAY = 1 << 3;
    private static final int CONSENT = 1 << 4;
    private static final int AFFILIATIONS = 1 << 5;
    private static final int OWNER = 1 << 6;
    private static final CompanyRole[] ROLES = CompanyRole.values();
    private static final MarketingConsent.Status[] STATUSES = MarketingConsent.Status.values();

    /**
     * A contact's packed array with the parts kept as objects: its custom fields (when any) and a language whose
     * BCP 47 tag does not read back as the same {@link Locale} (when so); each may be null.
     */
    record WithRest(byte[] data, CustomFields customFields, Locale language) {
    }

    /** The bytes of the id at the start of every array. */
    private static final int ID_BYTES = 16;

    @Override
    public Object pack(Contact c, long seq) {
        Writer w = new Writer();
        w.putLong(c.id().value().getMostSignificantBits());
        w.putLong(c.id().value().getLeastSignificantBits());
        w.putCount(seq);
        w.putCount(c.version());
        boolean same = c.updatedAt().equals(c.createdAt());
        Locale language = c.language().orElse(null);
        boolean tagged = language != null && Locale.forLanguageTag(language.toLanguageTag()).equals(language);
        int flags = (same ? UPDATED_AS_CREATED : 0) | (c.addresses().isEmpty() ? 0 : ADDRESSES)
                | (tagged ? LANGUAGE : 0) | (c.birthday().isPresent() ? BIRTHDAY : 0)
                | (c.consent().equals(MarketingConsent.unknown()) ? 0 : CONSENT)
                | (c.affiliations().isEmpty() ? 0 : AFFILIATIONS) | (c.owner().isPresent() ? OWNER : 0);
        w.put(flags);
        w.putInstant(c.createdAt());
        if (!same) {
            w.putInstant(c.updatedAt());
        }
        w.putString(c.name().first());
        w.putString(c.name().last());
        List<EmailAddress> emails = c.emails();
        w.putCount(emails.size());
        for (int i = 0; i < emails.size(); i++) { // by position: no iterator object per contact written
            w.putString(emails.get(i).value());
        }
        List<PhoneNumber> phones = c.phones();
        w.putCount(phones.size());
        for (int i = 0; i < phones.size(); i++) {
            w.putString(phones.get(i).toString());
        }
        if ((flags & ADDRESSES) != 0) {
            w.putCount(c.addresses().size());
            for (Address a : c.addresses()) {
                for (String part : List.of(a.label(), a.street(), a.postalCode(), a.city(), a.region(), a.country())) {
                    w.putString(part);
                }
            }
        }
        if (tagged) {
            w.putString(language.toLanguageTag());
        }
        c.birthday().ifPresent(d -> w.putSigned(d.toEpochDay()));
        if ((flags & CONSENT) != 0) {
            MarketingConsent consent = c.consent();
            w.put(consent.status().ordinal() << 1 | (consent.since().isPresent() ? 1 : 0));
            consent.since().ifPresent(w::putInstant);
            w.putString(consent.source());
        }
        if ((flags & AFFILIATIONS) != 0) {
            w.putCount(c.affiliations().size());
            for (Affiliation a : c.affiliations()) {
                w.putLong(a.companyId().value().getMostSignificantBits());
                w.putLong(a.companyId().value().getLeastSignificantBits());
                int roles = 0;
                for (CompanyRole role : a.roles()) {
                    roles |= 1 << role.ordinal();
                }
                w.putCount(roles);
                w.putString(a.site());
            }
        }
        c.owner().ifPresent(o -> w.putString(o.value()));
        byte[] data = w.toArray();
        CustomFields fields = c.customFields().isEmpty() ? null : c.customFields();
        Locale untagged = language != null && !tagged ? language : null;
        return fields == null && untagged == null ? data : new WithRest(data, fields, untagged);
    }

    @Override
    public Contact unpack(ContactId id, Object packed) {
        Reader r = new Reader(data(packed));
        r.getCount(); // the insertion number
        long version = r.getCount();
        int flags = r.get();
        Instant created = r.getInstant();
        Instant updated = (flags & UPDATED_AS_CREATED) != 0 ? created : r.getInstant();
        PersonName name = new PersonName(r.getString(), r.getString());
        int emailCount = (int) r.getCount();
        List<EmailAddress> emails = new ArrayList<>(emailCount);
        for (int i = 0; i < emailCount; i++) {
            emails.add(new EmailAddress(r.getString()));
        }
        int phoneCount = (int) r.getCount();
        List<PhoneNumber> phones = new ArrayList<>(phoneCount);
        for (int i = 0; i < phoneCount; i++) {
            phones.add(StoredValues.phoneNumber(r.getString()));
        }
        List<Address> addresses = List.of();
        if ((flags & ADDRESSES) != 0) {
            int n = (int) r.getCount();
            addresses = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                addresses.add(new Address(r.getString(), r.getString(), r.getString(), r.getString(), r.getString(),
                        r.getString()));
            }
        }
        WithRest rest = packed instanceof WithRest w ? w : null;
        Optional<Locale> language = (flags & LANGUAGE) != 0 ? Optional.of(Locale.forLanguageTag(r.getString()))
                : Optional.ofNullable(rest == null ? null : rest.language());
        Optional<LocalDate> birthday = (flags & BIRTHDAY) != 0 ? Optional.of(LocalDate.ofEpochDay(r.getSigned()))
                : Optional.empty();
        MarketingConsent consent = MarketingConsent.unknown();
        if ((flags & CONSENT) != 0) {
            int head = r.get();
            Optional<Instant> since = (head & 1) != 0 ? Optional.of(r.getInstant()) : Optional.empty();
            consent = new MarketingConsent(STATUSES[head >>> 1], since, r.getString());
        }
        List<Affiliation> affiliations = List.of();
        if ((flags & AFFILIATIONS) != 0) {
            int n = (int) r.getCount();
            affiliations = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CompanyId company = new CompanyId(new UUID(r.getLong(), r.getLong()));
                EnumSet<CompanyRole> roles = EnumSet.noneOf(CompanyRole.class);
                for (int bits = (int) r.getCount(); bits != 0; bits &= bits - 1) {
                    roles.add(ROLES[Integer.numberOfTrailingZeros(bits)]);
                }
                affiliations.add(new Affiliation(company, roles, r.getString()));
            }
        }
        Optional<UserId> owner = (flags & OWNER) != 0 ? Optional.of(new UserId(r.getString())) : Optional.empty();
        CustomFields fields = rest == null || rest.customFields() == null ? CustomFields.empty() : rest.customFields();
        return new Contact(id, version, name, emails, phones, addresses, language, birthday, consent, affiliations,
                fields, owner, created, updated);
    }

    @Override
    public long seq(Object packed) {
        return new Reader(data(packed)).getCount();
    }

    /** Compares an e-mail or phone key with the packed text in place, without rebuilding the contact. */
    @Override
    public boolean holds(ContactId id, Object packed, String field, Function<Contact, Collection<?>> keys,
                         Object key) {
        boolean emails = field.equals("emails");
        if (!emails && !field.equals("phones")) {
            return RowCodec.super.holds(id, packed, field, keys, key);
        }
        String text = emails ? ((EmailAddress) key).value() : key.toString();
        Reader r = new Reader(data(packed));
        r.getCount();
        r.getCount();
        int flags = r.get();
        r.getInstant();
        if ((flags & UPDATED_AS_CREATED) == 0) {
            r.getInstant();
        }
        r.skipString();
        r.skipString();
        long count = r.getCount();
        if (!emails) {
            for (long i = 0; i < count; i++) {
                r.skipString();
            }
            count = r.getCount();
        }
        for (long i = 0; i < count; i++) {
            if (r.stringEquals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The id, read from the first bytes. */
    @Override
    public ContactId id(Object packed, Function<Contact, ContactId> idOf) {
        byte[] data = data(packed);
        return new ContactId(new UUID(longAt(data, 0), longAt(data, 8)));
    }

    /** Compares the id's two numbers with the first bytes, allocating nothing. */
    @Override
    public boolean hasId(Object packed, ContactId id, Function<Contact, ContactId> idOf) {
        byte[] data = data(packed);
        return longAt(data, 0) == id.value().getMostSignificantBits()
                && longAt(data, 8) == id.value().getLeastSignificantBits();
    }

    /** {@link Contact#createdAt()}, read in place: the table of contacts orders by it. */
    @Override
    public Instant creation(Object packed, Function<Contact, ContactId> idOf,
                            Function<Contact, Instant> creationOrder) {
        Reader r = new Reader(data(packed));
        r.getCount(); // the insertion number
        r.getCount(); // the version
        r.get(); // the flags
        return r.getInstant();
    }

    private static long longAt(byte[] data, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) {
            v = v << 8 | data[i] & 0xFF;
        }
        return v;
    }

    private static byte[] data(Object packed) {
        return packed instanceof WithRest w ? w.data() : (byte[]) packed;
    }

    /** Appends to a growing array. */
    private static final class Writer {
        private byte[] buf = new byte[96];
        private int n;

        private void room(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, n + more));
            }
        }

        void put(int b) {
            room(1);
            buf[n++] = (byte) b;
        }

        void putInstant(Instant t) {
            putSigned(t.getEpochSecond());
            putCount(t.getNano());
        }

        /** Any number, zig-zag coded as a varint: small magnitudes of either sign stay short. */
        void putSigned(long v) {
            putCount(v << 1 ^ v >> 63);
        }

        /** Eight bytes, most significant first. */
        void putLong(long v) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                put((int) (v >>> shift));
            }
        }

        /** A non-negative number as an unsigned varint: one byte below 128, seven bits a byte. */
        void putCount(long v) {
            while ((v & ~0x7FL) != 0) {
                put((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            put((int) v);
        }

        /** The length times two plus one when wide, then the characters in one or two bytes each. */
        void putString(String s) {
            int len = s.length();
            boolean wide = false;
            for (int i = 0; i < len && !wide; i++) {
                wide = s.charAt(i) > 0xFF;
            }
            putCount((long) len << 1 | (wide ? 1 : 0));
            room(wide ? 2 * len : len);
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (wide) {
                    buf[n++] = (byte) (c >>> 8);
                }
                buf[n++] = (byte) c;
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, n);
        }
    }

    /** Reads what {@link Writer} wrote. */
    private static final class Reader {
        private final byte[] data;
        private int at = ID_BYTES;

        /** A reader after the id. */
        Reader(byte[] data) {
            this.data = data;
        }

        int get() {
            return data[at++] & 0xFF;
        }

        Instant getInstant() {
            long seconds = getSigned();
            return Instant.ofEpochSecond(seconds, getCount());
        }

        long getSigned() {
            long zigzag = getCount();
            return zigzag >>> 1 ^ -(zigzag & 1);
        }

        long getLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | get();
            }
            return v;
        }

        long getCount() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = get();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        String getString() {
            int head = (int) getCount();
            int len = head >>> 1;
            if ((head & 1) == 0) {
                String s = new String(data, at, len, StandardCharsets.ISO_8859_1);
                at += len;
                return s;
            }
            char[] chars = new char[len];
            for (int i = 0; i < len; i++) {
                chars[i] = (char) ((data[at] & 0xFF) << 8 | data[at + 1] & 0xFF);
                at += 2;
            }
            return new String(chars);
        }

        void skipString() {
            int head = (int) getCount();
            at += (head & 1) == 0 ? head >>> 1 : head & ~1;
        }

        /** Whether the next string equals the text; moves past it either way. */
        boolean stringEquals(String text) {
            int head = (int) getCount();
            int len = head >>> 1;
            int width = (head & 1) + 1;
            int start = at;
            at += len * width;
            if (len != text.length()) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                int c = width == 1 ? data[start + i] & 0xFF
                        : (data[start + 2 * i] & 0xFF) << 8 | data[start + 2 * i + 1] & 0xFF;
                if (c != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
