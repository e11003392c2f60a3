package io.ainstruct.domain.chunking;

import io.ainstruct.domain.port.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a markdown document into chunks of at most {@link ChunkingPolicy#maxTokens()} tokens.
 *
 * <p>The document is first split into sections at ATX headings, so that a chunk tends to hold
 * whole sections and a search hit reads as a coherent passage. Consecutive sections are packed
 * together while they fit. A section too large for one chunk is split by lines, and a line too
 * large for one chunk by tokens. Each chunk after the first starts with the tail of the previous
 * one (about {@link ChunkingPolicy#overlapTokens()} tokens) so that a sentence cut at a chunk
 * boundary can still be found with its context.
 *
 * <p>Chunks are verbatim slices of the input: apart from the repeated overlap and whitespace
 * dropped at chunk boundaries, concatenating them gives back the document.
 *
 * <p>Token counts are never assumed to be additive (with BPE, {@code count(a + b)} may differ from
 * {@code count(a) + count(b)}): every candidate chunk is measured as a whole. The pieces' own counts only guess
 * where a chunk ends; {@link LargestFit} then finds the end in a logarithmic number of measurements, so the work
 * stays linear in the document's length whatever its lines look like.
 */
public final class MarkdownChunker {

    /** CommonMark ATX heading: up to 3 spaces of indentation, 1 to 6 '#', then a blank or the end of the line. */
    private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}(?:[ \t].*)?");

    /** Opening or closing line of a fenced code block: the run of backticks or tildes, then the rest of the line. */
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})(.*)");

    private final Tokenizer tokenizer;
    private final ChunkingPolicy policy;

    public MarkdownChunker(Tokenizer tokenizer, ChunkingPolicy policy) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public List<TextChunk> chunk(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        List<Unit> units = units(markdown);
        List<TextChunk> chunks = new ArrayList<>();
        TextChunk current = new TextChunk("", 0);
        int next = 0;
        while (next < units.size()) {
            Measured run = longestRun(current, units, next);
            current = run.chunk();
            next += run.pieces();
            if (next == units.size()) {
                break;
            }
            Unit unit = units.get(next++);
            if (unit.text().isBlank()) {
                // Whitespace that falls on a chunk boundary carries nothing: opening a chunk for it
                // would only produce a chunk that repeats the overlap.
                continue;
            }
            if (current.content().isBlank()) {
                // Only leading whitespace so far: nothing worth keeping or repeating.
                current = new TextChunk(unit.text(), unit.tokens());
            } else {
                chunks.add(current);
                current = withOverlap(current.content(), unit);
            }
        }
        if (!current.content().isBlank()) {
            chunks.add(current);
        }
        return List.copyOf(chunks);
    }

    /**
     * {@code current} extended by as many of the units from {@code from} on as fit within {@code maxTokens}.
     * The sum of the units' own counts is the first guess (BPE counts are nearly additive); every candidate is
     * then measured as a whole.
     */
    private Measured longestRun(TextChunk current, List<Unit> units, int from) {
        int room = policy.maxTokens() - current.tokenCount();
        int guess = 0;
        for (int sum = 0; from + guess < units.size() && sum + units.get(from + guess).tokens() <= room; guess++) {
            sum += units.get(from + guess).tokens();
        }
        Measured[] best = {new Measured(current, 0)};
        LargestFit.of(units.size() - from, guess, count -> {
            StringBuilder text = new StringBuilder(current.content());
            units.subList(from, from + count).forEach(unit -> text.append(unit.text()));
            int tokens = tokenizer.count(text.toString());
            if (tokens > policy.maxTokens()) {
                return false;
            }
            best[0] = new Measured(new TextChunk(text.toString(), tokens), count);
            return true;
        });
        return best[0];
    }

    /**
     * The pieces that get packed into chunks, in document order, each within {@code maxTokens}:
     * whole sections where they fit, otherwise their lines, otherwise token windows of a line.
     */
    private List<Unit> units(String markdown) {
        List<Unit> units = new ArrayList<>();
        for (String section : sections(markdown)) {
            int sectionTokens = tokenizer.count(section);
            if (sectionTokens <= policy.maxTokens()) {
                units.add(new Unit(section, sectionTokens));
                continue;
            }
            for (String line : lines(section)) {
                int lineTokens = tokenizer.count(line);
                if (lineTokens <= policy.maxTokens()) {
                    units.add(new Unit(line, lineTokens));
                    continue;
                }
                // Windows leave room for the overlap, so every chunk of a long line still
                // starts with the end of the previous one.
                for (String window : tokenizer.split(line, policy.maxTokens() - policy.overlapTokens())) {
                    units.add(new Unit(window, tokenizer.count(window)));
                }
            }
        }
        return units;
    }

    /**
     * Starts a new chunk with {@code unit}, preceded by the tail of the previous chunk. The overlap
     * shrinks when the unit leaves too little room for it, down to none for a unit that fills a chunk.
     */
    private TextChunk withOverlap(String previous, Unit unit) {
        int budget = Math.min(policy.overlapTokens(), policy.maxTokens() - unit.tokens());
        for (; budget > 0; budget /= 2) {
            String tail = tail(previous, budget);
            if (tail.isBlank()) {
                break;
            }
            String candidate = tail + unit.text();
            int tokens = tokenizer.count(candidate);
            if (tokens <= policy.maxTokens()) {
                return new TextChunk(candidate, tokens);
            }
        }
        return new TextChunk(unit.text(), unit.tokens());
    }

    /**
     * The end of {@code text} within {@code budget} tokens. Whole lines read best, so they come
     * first; when they give less than half the budget (the last line is long), the end of the next
     * line is added, cut between tokens.
     */
    private String tail(String text, int budget) {
        List<String> lines = lines(text);
        Measured[] best = {new Measured(new TextChunk("", 0), 0)};
        int whole = LargestFit.of(lines.size(), 1, count -> {
            String candidate = String.join("", lines.subList(lines.size() - count, lines.size()));
            int tokens = tokenizer.count(candidate);
            if (tokens > budget) {
                return false;
            }
            best[0] = new Measured(new TextChunk(candidate, tokens), count);
            return true;
        });
        String tail = best[0].chunk().content();
        if (whole < lines.size() && best[0].chunk().tokenCount() < budget / 2) {
            tail = lineEnd(lines.get(lines.size() - whole - 1), tail, budget);
        }
        return tail;
    }

    /**
     * The end of {@code line} followed by {@code tail}, within {@code budget} tokens. The line is cut
     * between tokens, at the start of a word when one is in reach: an overlap that opens mid-word
     * ("RANT_URL") reads badly.
     */
    private String lineEnd(String line, String tail, int budget) {
        List<String> tokens = tokenizer.split(line, 1);
        int kept = LargestFit.of(tokens.size(), 1,
                count -> tokenizer.count(String.join("", tokens.subList(tokens.size() - count, tokens.size())) + tail)
                        <= budget);
        int first = tokens.size() - kept;
        String cut = String.join("", tokens.subList(first, tokens.size()));
        for (int t = first; t < tokens.size(); t++) {
            if (startsWord(tokens, t)) {
                String atWord = String.join("", tokens.subList(t, tokens.size())).stripLeading();
                return (atWord.isEmpty() ? cut : atWord) + tail;
            }
        }
        return cut + tail;
    }

    private static boolean startsWord(List<String> pieces, int index) {
        if (index == 0) {
            return true;
        }
        String piece = pieces.get(index);
        String before = pieces.get(index - 1);
        return !piece.isEmpty() && Character.isWhitespace(piece.charAt(0))
                || !before.isEmpty() && Character.isWhitespace(before.charAt(before.length() - 1));
    }

    /** Splits before each heading line; '#' lines inside fenced code blocks are code, not headings. */
    private static List<String> sections(String markdown) {
        List<String> sections = new ArrayList<>();
        StringBuilder section = new StringBuilder();
        String openFence = null;
        for (String line : lines(markdown)) {
            String bare = line.stripTrailing();
            if (openFence == null && HEADING.matcher(bare).matches() && section.length() > 0) {
                sections.add(section.toString());
                section.setLength(0);
            }
            openFence = fenceAfter(openFence, bare);
            section.append(line);
        }
        if (section.length() > 0) {
            sections.add(section.toString());
        }
        return sections;
    }

    /**
     * The fence still open after {@code line}, or null outside code. A block closes only with a run
     * of the same character at least as long as the one that opened it, and nothing after it.
     */
    private static String fenceAfter(String openFence, String line) {
        Matcher fence = FENCE.matcher(line);
        if (!fence.matches()) {
            return openFence;
        }
        String marker = fence.group(1);
        if (openFence == null) {
            return marker;
        }
        boolean closes = marker.charAt(0) == openFence.charAt(0)
                && marker.length() >= openFence.length()
                && fence.group(2).isBlank();
        return closes ? null : openFence;
    }

    /** Lines with their terminators kept, so that joining them gives back the text exactly. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end + 1));
            start = end + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** A piece to pack, with its own token count: the guess for how many pieces fit. */
    private record Unit(String text, int tokens) {
    }

    /** A measured candidate and how many pieces it took. */
    private record Measured(TextChunk chunk, int pieces) {
    }
}
