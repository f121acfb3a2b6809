package dev.crmkit.core.duplicate.sample;

import java.time.LocalDate;

/**
 * One real person behind one or more records: the clean values the corruptions start from.
 *
 * @param id             the person's number (the label every record of the person carries)
 * @param first          given name
 * @param last           family name
 * @param email          e-mail address, empty if none
 * @param region         ISO 3166 code of the phone and address
 * @param phoneDigits    national significant number
 * @param countryCode    the phone's country calling code
 * @param street         street name
 * @param houseNumber    house number
 * @param postalCode     postal code
 * @param city           city
 * @param birthday       birthday
 * @param nationalId     national id, empty if none
 * @param customerNumber customer number, empty if none
 */
public record Person(int id, String first, String last, String email, String region, String phoneDigits,
                     int countryCode, String street, int houseNumber, String postalCode, String city,
                     LocalDate birthday, String nationalId, String customerNumber) {
}
