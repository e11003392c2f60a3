package io.ainstruct.bench;

import io.ainstruct.domain.port.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of markdown documents: a title, sections under {@code ##} headings, paragraphs written from
 * sentence templates over a per-topic and a general vocabulary, a few bullet lists and fenced code blocks. Each
 * document is grown to a target size drawn between {@link #MIN_TOKENS} and {@link #MAX_TOKENS} cl100k_base tokens.
 */
final class Corpus {
    static final int MIN_TOKENS = 300;
    static final int MAX_TOKENS = 800;

    record Doc(int seq, String topic, String title, String content, int tokens) {
    }

    private record Topic(String name, String[] nouns, String[] verbs, String[] identifiers) {
    }

    private static final Topic[] TOPICS = {
            new Topic("databases",
                    w("replica index vacuum checkpoint transaction isolation level deadlock query planner tablespace "
                            + "write-ahead-log sequence scan foreign key constraint partition cursor snapshot "
                            + "connection pool primary key materialized view trigger schema migration"),
                    w("replicate index vacuum commit roll back partition analyze lock migrate restore"),
                    w("pg_stat_activity work_mem shared_buffers wal_level max_connections autovacuum")),
            new Topic("cooking",
                    w("sourdough starter dough crumb crust oven skillet broth marinade emulsion caramel pastry "
                            + "yeast fermentation braise reduction knife cutting board spice blend stock pot "
                            + "custard glaze brine"),
                    w("knead proof simmer sear whisk fold baste reduce season ferment"),
                    w("hydration_pct oven_temp proof_hours salt_grams rest_minutes")),
            new Topic("astronomy",
                    w("telescope eyepiece nebula galaxy cluster parallax redshift exoplanet transit eclipse "
                            + "aperture focal ratio star chart magnitude comet meteor shower orbit spectrograph "
                            + "dark sky light curve"),
                    w("observe track align calibrate photograph resolve magnify measure chart collimate"),
                    w("right_ascension declination exposure_s gain_iso focal_mm")),
            new Topic("gardening",
                    w("compost mulch seedling perennial raised bed trellis pruning shears soil acidity "
                            + "aphid drip irrigation cold frame cutting rootstock greenhouse tomato blight cover crop "
                            + "earthworm"),
                    w("prune transplant water harvest graft sow mulch fertilize stake divide"),
                    w("soil_ph frost_date row_spacing water_liters bed_width")),
            new Topic("networking",
                    w("router subnet gateway firewall packet latency throughput handshake certificate resolver "
                            + "load balancer socket route table VLAN bandwidth jitter proxy TLS session MTU "
                            + "keepalive"),
                    w("route forward encrypt resolve retransmit throttle negotiate bind tunnel inspect"),
                    w("ip_forward tcp_keepalive net.core.somaxconn mtu_bytes ttl_seconds")),
            new Topic("finance",
                    w("ledger invoice ledger entry reconciliation balance sheet cash flow dividend bond yield "
                            + "portfolio rebalancing expense report depreciation accrual audit trail tax return "
                            + "budget forecast margin"),
                    w("reconcile invoice forecast audit hedge allocate amortize depreciate budget settle"),
                    w("fiscal_year net_margin tax_rate account_id invoice_total")),
            new Topic("music",
                    w("chord progression scale tempo metronome harmony counterpoint cadence rhythm section "
                            + "bass line melody arpeggio time signature fingerboard amplifier reverb mixer "
                            + "rehearsal score"),
                    w("transpose rehearse improvise arrange compose mix tune record phrase modulate"),
                    w("tempo_bpm key_signature sample_rate gain_db track_count")),
            new Topic("medicine",
                    w("diagnosis dosage symptom triage vaccine antibody clinical trial prescription "
                            + "blood pressure fracture anesthesia allergy immune response pathogen discharge "
                            + "summary follow-up"),
                    w("diagnose prescribe monitor vaccinate triage screen refer discharge treat examine"),
                    w("dose_mg heart_rate systolic diastolic patient_id")),
            new Topic("history",
                    w("archive manuscript treaty dynasty empire chronicle expedition revolution parliament "
                            + "trade route census monastery printing press republic siege charter migration "
                            + "guild"),
                    w("document translate excavate date catalogue compare annotate transcribe survey cite"),
                    w("century_ad archive_ref folio_no region_code era")),
            new Topic("machine-learning",
                    w("embedding gradient optimizer learning rate tokenizer attention head transformer "
                            + "overfitting validation set loss curve checkpoint feature vector batch size "
                            + "epoch regularization inference latency"),
                    w("train fine-tune evaluate embed tokenize regularize quantize distill batch sample"),
                    w("learning_rate batch_size max_epochs dropout hidden_dim")),
            new Topic("sailing",
                    w("mainsail jib halyard tiller keel mooring anchor chart tide current knot wind shift "
                            + "reef point boom vang spinnaker harbor channel marker buoy bilge pump"),
                    w("tack gybe reef moor anchor trim hoist navigate steer heave"),
                    w("wind_knots heading_deg tide_m depth_m boat_speed")),
            new Topic("photography",
                    w("aperture shutter speed sensor lens focal length histogram exposure bracket white balance "
                            + "tripod prime lens depth of field raw file color grading flash diffuser bokeh "
                            + "contact sheet"),
                    w("expose focus frame develop crop bracket meter edit retouch compose"),
                    w("iso_value f_stop shutter_ms kelvin focal_length")),
    };

    private static final String[] GENERAL_NOUNS = w("team process step result problem change approach plan "
            + "detail reason system version report rule example question answer habit tool method record note "
            + "estimate schedule baseline checklist workflow");
    private static final String[] ADJECTIVES = w("slow careful reliable noisy fragile stable cheap expensive "
            + "quiet new old large small frequent rare critical optional obvious subtle consistent manual "
            + "automatic temporary seasonal robust");
    private static final String[] ADVERBS = w("usually rarely carefully quickly gradually often never always "
            + "sometimes deliberately");
    private static final String[] NAMES = w("Ada Grace Alan Edsger Barbara Donald Margaret Ken Frances Linus "
            + "Niklaus Hedy Katherine Dennis Radia");
    private static final String[] SENTENCES = {
            "The {A} {N} {V}s the {N} before the {G} is {A}.",
            "{Name} noticed that every {N} needs a {A} {N} when the {G} changes.",
            "If the {N} looks {A}, {V} the {N} and check the {G} again.",
            "Most people {V} a {N} only after the {N} has become {A}.",
            "A {A} {G} keeps the {N} and the {N} from drifting apart.",
            "We {adv} {V} the {N} in {num} steps, then record the {G}.",
            "Without a {A} {N}, the {N} tends to {V} in unexpected ways.",
            "The {G} says to {V} each {N} at least {num} times per week.",
            "{Name} prefers a {A} {N} because it makes the {G} easier to follow.",
            "After {num} attempts the {N} finally behaved like a {A} {N}.",
            "Do not {V} the {N} while the {N} is still {A}.",
            "The difference between a {A} and a {A} {N} shows up in the {G}.",
            "Keep a {G} of every {N} you {V}, including the {A} ones.",
            "It is {adv} worth asking whether the {N} should {V} at all.",
            "Our {G} lists {num} ways to {V} a {N} without touching the {N}.",
            "When {Name} tried to {V} the {N}, the {N} turned {A} within {num} minutes.",
    };

    private Corpus() {
    }

    static List<Doc> generate(long seed, int count, Tokenizer tokenizer) {
        List<Doc> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // One generator per document: any prefix of the corpus is the same whatever its length.
            docs.add(document(new Random(seed * 1_000_003L + i), i, tokenizer));
        }
        return docs;
    }

    /** Search queries over the same vocabulary: short questions and keyword phrases, as agents send them. */
    static List<String> queries(long seed, int count) {
        Random random = new Random(seed ^ 0x5EA5C4L);
        String[] forms = {
                "how do I {V} a {A} {N}",
                "why does the {N} {V} when the {N} is {A}",
                "{A} {N} and {N}",
                "best way to {V} the {N} with a {N}",
                "what {G} should I follow to {V} {N}",
                "{N} {N} {G}",
                "checklist for a {A} {N}",
                "{Name} notes on {N}",
        };
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Topic topic = TOPICS[random.nextInt(TOPICS.length)];
            queries.add(fill(forms[random.nextInt(forms.length)], topic, random));
        }
        return queries;
    }

    private static Doc document(Random random, int seq, Tokenizer tokenizer) {
        Topic topic = TOPICS[random.nextInt(TOPICS.length)];
        int target = MIN_TOKENS + random.nextInt(MAX_TOKENS - MIN_TOKENS - 80);
        String title = capitalize(pick(random, topic.nouns())) + " " + pick(random, GENERAL_NOUNS) + " notes #" + (seq + 1);
        StringBuilder doc = new StringBuilder("# ").append(title).append("\n\n");
        doc.append(paragraph(topic, random, 2 + random.nextInt(3))).append("\n\n");
        int unitsInSection = 99;
        while (tokenizer.count(doc.toString()) < target) {
            int before = doc.length();
            if (unitsInSection >= 1 + random.nextInt(3)) {
                doc.append("## ").append(capitalize(pick(random, ADJECTIVES))).append(' ')
                        .append(pick(random, topic.nouns())).append(' ').append(pick(random, GENERAL_NOUNS)).append("\n\n");
                unitsInSection = 0;
            }
            int kind = random.nextInt(10);
            if (kind == 0) {
                doc.append(codeBlock(topic, random)).append("\n\n");
            } else if (kind <= 2) {
                doc.append(list(topic, random)).append("\n\n");
            } else {
                doc.append(paragraph(topic, random, 2 + random.nextInt(4))).append("\n\n");
            }
            unitsInSection++;
            if (tokenizer.count(doc.toString()) > MAX_TOKENS) {
                doc.setLength(before);
                doc.append(paragraph(topic, random, 1)).append("\n\n");
                break;
            }
        }
        String content = doc.toString().stripTrailing() + "\n";
        return new Doc(seq, topic.name(), title, content, tokenizer.count(content));
    }

    private static String paragraph(Topic topic, Random random, int sentences) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(fill(SENTENCES[random.nextInt(SENTENCES.length)], topic, random));
        }
        return p.toString();
    }

    private static String list(Topic topic, Random random) {
        StringBuilder list = new StringBuilder();
        int items = 3 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                list.append('\n');
            }
            list.append("- ").append(capitalize(pick(random, topic.verbs()))).append(" the ")
                    .append(pick(random, ADJECTIVES)).append(' ').append(pick(random, topic.nouns()));
            if (random.nextBoolean()) {
                list.append(" (").append(pick(random, topic.identifiers())).append(" = ").append(random.nextInt(500)).append(')');
            }
        }
        return list.toString();
    }

    private static String codeBlock(Topic topic, Random random) {
        String a = pick(random, topic.identifiers());
        String b = pick(random, topic.identifiers());
        String verb = pick(random, topic.verbs()).replace('-', '_').replace(' ', '_');
        return switch (random.nextInt(4)) {
            case 0 -> "```python\ndef " + verb + "(" + a + ", " + b + "=" + random.nextInt(100) + "):\n"
                    + "    if " + a + " > " + b + ":\n        return " + a + " - " + b + "\n"
                    + "    return sorted([" + a + ", " + b + "])\n```";
            case 1 -> "```sql\nSELECT " + a.replace('.', '_') + ", count(*)\n  FROM " + topic.name().replace('-', '_')
                    + "_log\n WHERE " + b.replace('.', '_') + " > " + random.nextInt(1000) + "\n GROUP BY 1\n ORDER BY 2 DESC;\n```";
            case 2 -> "```yaml\n" + topic.name() + ":\n  " + a + ": " + random.nextInt(1000) + "\n  " + b + ": "
                    + pick(random, ADJECTIVES) + "\n  enabled: " + random.nextBoolean() + "\n```";
            default -> "```bash\n# " + verb + " every " + pick(random, topic.nouns()) + "\nfor i in $(seq 1 "
                    + (2 + random.nextInt(9)) + "); do\n  ./" + verb + ".sh --" + a.replace('_', '-') + "=\"$i\"\ndone\n```";
        };
    }

    private static String fill(String template, Topic topic, Random random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            String slot = template.substring(open + 1, close);
            out.append(switch (slot) {
                case "N" -> pick(random, topic.nouns());
                case "V" -> pick(random, topic.verbs());
                case "A" -> pick(random, ADJECTIVES);
                case "G" -> pick(random, GENERAL_NOUNS);
                case "adv" -> pick(random, ADVERBS);
                case "num" -> Integer.toString(2 + random.nextInt(40));
                case "Name" -> pick(random, NAMES);
                default -> throw new IllegalStateException(slot);
            });
            i = close + 1;
        }
        return out.toString();
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String[] w(String words) {
        return words.trim().split("\\s+");
    }
}
