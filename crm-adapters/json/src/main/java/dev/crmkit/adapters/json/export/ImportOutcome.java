package dev.crmkit.adapters.json.export;

import java.util.List;

/** What an import did: restored the export, or refused it (and wrote nothing) for the reasons it gives. */
public sealed interface ImportOutcome permits ImportOutcome.Imported, ImportOutcome.Refused {

    /**
     * The export was restored.
     *
     * @param export  the export's identity, the SHA-256 of its manifest
     * @param resumed whether this run went on with a restore that an earlier run began
     * @param results per record type, in the order restored
     */
    record Imported(String export, boolean resumed, List<TypeResult> results) implements ImportOutcome {

        /** Copies the list. */
        public Imported {
            results = List.copyOf(results);
        }

        /** The records restored by this run, all types together. */
        public long restored() {
            return results.stream().mapToLong(TypeResult::restored).sum();
        }
    }

    /**
     * The export was refused before any record was written.
     *
     * @param reasons each reason, naming the file or the rule
     */
    record Refused(List<String> reasons) implements ImportOutcome {

        /** Copies the list. */
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One record type's part of an import.
     *
     * @param recordType the record type's name
     * @param restored   records this run wrote
     * @param earlier    records an earlier run of the same import wrote, passed over by this one
     * @param kept       records a merge passed over because the store holds one with the same key
     * @param rejected   records a merge could not write (one of their unique keys belongs to another record), each
     *                   as {@code <key>: <reason>}
     */
    record TypeResult(String recordType, long restored, long earlier, long kept, List<String> rejected) {

        /** Copies the list. */
        public TypeResult {
            rejected = List.copyOf(rejected);
        }
    }
}
