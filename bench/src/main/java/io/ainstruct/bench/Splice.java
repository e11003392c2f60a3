package io.ainstruct.bench;

/** Rewrites the generated part of a document, between two marker lines, and leaves the rest as it is. */
final class Splice {
    private Splice() {
    }

    /** Replaces what lies between the markers, or adds the markers and the block after the title. */
    static String between(String start, String end, String document, String generated) {
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        String block = start + "\n" + generated.strip() + "\n" + end;
        if (from >= 0 && to > from) {
            return document.substring(0, from) + block + document.substring(to + end.length());
        }
        int afterTitle = document.indexOf('\n') + 1;
        return document.substring(0, afterTitle) + "\n" + block + "\n" + document.substring(afterTitle);
    }
}
