package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stored form of the in-memory contacts: one byte array per contact instead of the {@link Contact} record with
 * its name, list, e-mail, phone and string objects (issue 17: the heap per stored contact). The array holds, in this
 * order, the insertion number and the version (variable-length numbers: one byte below 128), a flags byte, the
 * creation time and, unless equal to it, the update time (seconds zig-zag coded and nanoseconds, both variable-length),
 * the two name parts and every e-mail and phone (each list after its count) as text: each string as its length and
 * then one byte per character when every character fits in Latin-1, two bytes (UTF-16) otherwise, so any string
 * (unpaired surrogates too) reads back exactly. The id is not in it: the table's row map is keyed by it.
 *
 * <p>The rarer parts (addresses, language, birthday, consent, affiliations, custom fields, owner) are kept as the
 * immutable objects they are, beside the array in a {@link WithRest}, and only when one of them is not empty or
 * unknown; a contact as capture creates it is the array alone. Reads rebuild the {@link Contact} (e-mails and phones
 * through their public factories, which check them again), equal to the one stored.
 */
final class PackedContacts implements RowCodec<ContactId, Contact> {

    /** Flag: {@code updatedAt} equals {@code createdAt} and is not written again. */
    private static final int UPDATED_AS_CREATED = 1;

    /** A contact's packed array with its rarer parts, which are not all empty. */
    record WithRest(byte[] data, Rest rest) {
    }

    /** The parts of a contact kept as objects. */
    record Rest(List<Address> addresses, Optional<Locale> language, Optional<LocalDate> birthday,
                MarketingConsent consent, List<Affiliation> affiliations, CustomFields customFields,
                Optional<UserId> owner) {

        private static final Rest NONE = new Rest(List.of(), Optional.empty(), Optional.empty(),
                MarketingConsent.unknown(), List.of(), CustomFields.empty(), Optional.empty());

        static Rest of(Contact c) {
            return new Rest(c.addresses(), c.language(), c.birthday(), c.consent(), c.affiliations(),
                    c.customFields(), c.owner());
        }

        boolean isNone() {
            return equals(NONE);
        }
    }

    @Override
    public Object pack(Contact c, long seq) {
        Writer w = new Writer();
        w.putCount(seq);
        w.putCount(c.version());
        boolean same = c.updatedAt().equals(c.createdAt());
        w.put(same ? UPDATED_AS_CREATED : 0);
        w.putInstant(c.createdAt());
        if (!same) {
            w.putInstant(c.updatedAt());
        }
        w.putString(c.name().first());
        w.putString(c.name().last());
        w.putCount(c.emails().size());
        for (EmailAddress e : c.emails()) {
            w.putString(e.value());
        }
        w.putCount(c.phones().size());
        for (PhoneNumber p : c.phones()) {
            w.putString(p.toString());
        }
        byte[] data = w.toArray();
        Rest rest = Rest.of(c);
        return rest.isNone() ? data : new WithRest(data, rest);
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
            phones.add(PhoneNumber.of(r.getString()));
        }
        Rest rest = packed instanceof WithRest w ? w.rest() : Rest.NONE;
        return new Contact(id, version, name, emails, phones, rest.addresses(), rest.language(), rest.birthday(),
                rest.consent(), rest.affiliations(), rest.customFields(), rest.owner(), created, updated);
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
            long seconds = t.getEpochSecond();
            putCount(seconds << 1 ^ seconds >> 63); // zig-zag: small magnitudes either side of 1970 stay short
            putCount(t.getNano());
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
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        int get() {
            return data[at++] & 0xFF;
        }

        Instant getInstant() {
            long zigzag = getCount();
            long seconds = zigzag >>> 1 ^ -(zigzag & 1);
            return Instant.ofEpochSecond(seconds, getCount());
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
