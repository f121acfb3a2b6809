package dev.crmkit.core.duplicate.sample;

import java.util.List;
import java.util.Random;

/** Countries, cities, streets and phone numbering for generated people. */
final class Places {

    record City(String region, String name, String postalPrefix, String state) {
    }

    static final List<City> CITIES = List.of(
            new City("US", "Springfield", "627", "IL"), new City("US", "Portland", "972", "OR"),
            new City("US", "Columbus", "432", "OH"), new City("US", "Austin", "787", "TX"),
            new City("US", "Denver", "802", "CO"), new City("US", "Madison", "537", "WI"),
            new City("US", "Richmond", "232", "VA"), new City("US", "Albany", "122", "NY"),
            new City("US", "Salem", "973", "OR"), new City("US", "Franklin", "370", "TN"),
            new City("US", "Greenville", "296", "SC"), new City("US", "Bristol", "062", "CT"),
            new City("GB", "Manchester", "M1", "Greater Manchester"), new City("GB", "Leeds", "LS1", "West Yorkshire"),
            new City("GB", "Bristol", "BS1", "Bristol"), new City("GB", "York", "YO1", "North Yorkshire"),
            new City("DE", "Hamburg", "20", "HH"), new City("DE", "München", "80", "BY"),
            new City("DE", "Köln", "50", "NW"), new City("DE", "Leipzig", "04", "SN"),
            new City("IE", "Dublin", "D0", "Leinster"), new City("CA", "Toronto", "M5", "ON"),
            new City("AU", "Sydney", "20", "NSW"), new City("NZ", "Auckland", "10", "AUK"));

    private static final List<String> STREET_WORDS = List.of("Main", "Oak", "Maple", "Cedar", "Elm", "Pine",
            "Washington", "Lake", "Hill", "Park", "Church", "Mill", "River", "Spring", "Sunset", "Highland",
            "Meadow", "Forest", "Willow", "Chestnut", "Walnut", "Cherry", "Lincoln", "Jefferson", "Madison",
            "Franklin", "Jackson", "Adams", "Garden", "Bridge", "Station", "Market", "King", "Queen", "Victoria",
            "Albert", "Mozart", "Goethe", "Schiller", "Linden", "Birken", "Eichen", "Berg", "Wiesen", "Rosen",
            "Harbor", "Valley", "Orchard", "Prospect", "Ridge", "Summit", "Grove", "Bay", "Beacon", "Cambridge",
            "Oxford", "Windsor", "Hampton", "Kingston", "Fairview");
    private static final List<String> SUFFIXES = List.of("Street", "Road", "Avenue", "Lane", "Drive", "Court",
            "Place", "Boulevard");

    private Places() {
    }

    static String street(Random random, String region) {
        String word = STREET_WORDS.get(random.nextInt(STREET_WORDS.size()));
        if (region.equals("DE")) {
            return word + (random.nextBoolean() ? "straße" : "weg");
        }
        return word + " " + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
    }

    static String postalCode(Random random, City city) {
        switch (city.region()) {
            case "US":
                return city.postalPrefix() + String.format(java.util.Locale.ROOT, "%02d", random.nextInt(100));
            case "GB":
                return city.postalPrefix() + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26));
            case "DE":
                return city.postalPrefix() + String.format(java.util.Locale.ROOT, "%03d", random.nextInt(1000));
            default:
                return city.postalPrefix() + String.format(java.util.Locale.ROOT, "%02d", random.nextInt(100));
        }
    }
}
