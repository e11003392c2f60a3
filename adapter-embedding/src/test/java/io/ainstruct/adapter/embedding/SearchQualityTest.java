package io.ainstruct.adapter.embedding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static io.ainstruct.adapter.embedding.TestVectors.cosine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does the local model find a document from a question phrased in other words? Each query
 * paraphrases its document and shares as few words with it as a natural question allows, so
 * keyword overlap cannot carry the ranking.
 */
class SearchQualityTest {

    private record Case(String topic, String document, String query) {
    }

    private static final List<Case> CASES = List.of(
            new Case("sourdough",
                    "Sourdough bread rises thanks to a starter, a fermented mixture of flour and water that hosts wild "
                            + "yeast and lactic acid bacteria. Bakers feed the starter regularly and let the dough proof "
                            + "slowly, often overnight, which gives the loaf its sour flavour and open crumb.",
                    "How can I leaven a loaf naturally with a culture I keep alive on my kitchen counter?"),
            new Case("tcp congestion control",
                    "TCP congestion control adjusts how much data a sender may have in flight. Algorithms such as Reno "
                            + "and CUBIC grow the congestion window while acknowledgements arrive and shrink it sharply "
                            + "when packets are lost, so that many connections share a bottleneck link fairly.",
                    "Why does a network transfer slow down its transmission rate after datagrams get dropped?"),
            new Case("photosynthesis",
                    "Photosynthesis lets plants, algae and some bacteria turn light into chemical energy. In the "
                            + "chloroplasts, chlorophyll absorbs sunlight and drives the conversion of carbon dioxide and "
                            + "water into glucose, releasing oxygen as a by-product.",
                    "How do green leaves make sugar out of sunshine and air?"),
            new Case("french revolution",
                    "The French Revolution began in 1789 when the Estates-General met amid a fiscal crisis and "
                            + "widespread hunger. The storming of the Bastille, the abolition of feudal privileges and the "
                            + "Declaration of the Rights of Man transformed France, and the monarchy fell in 1792.",
                    "Which uprising in late eighteenth-century Paris overthrew the king and ended aristocratic rule?"),
            new Case("black holes",
                    "A black hole is a region of spacetime where gravity is so strong that nothing, not even light, can "
                            + "escape once it crosses the event horizon. Stellar black holes form when massive stars "
                            + "collapse at the end of their lives.",
                    "What is left when a giant sun dies and its core becomes so dense that no radiation gets out?"),
            new Case("espresso",
                    "Espresso is brewed by forcing hot water through finely ground, tightly packed coffee at around nine "
                            + "bars of pressure. A good shot takes 25 to 30 seconds and is topped by crema, a layer of "
                            + "emulsified oils.",
                    "How is the strong, concentrated drink served in tiny cups at Italian cafés prepared?"),
            new Case("marathon training",
                    "Training for a marathon usually takes sixteen to twenty weeks. Runners gradually increase their "
                            + "weekly mileage, include one long run each week, and taper in the final weeks so their legs "
                            + "are fresh for the 42-kilometre race.",
                    "How should I get my body ready to finish a 26-mile footrace?"),
            new Case("vaccines",
                    "Vaccines train the immune system by exposing it to a harmless piece or a weakened form of a "
                            + "pathogen. The body produces antibodies and memory cells, so that a later infection by the "
                            + "real germ is recognised and fought off quickly.",
                    "How do jabs protect people from catching a disease years afterwards?"),
            new Case("earthquakes",
                    "Earthquakes occur when stress built up along faults between tectonic plates is suddenly released. "
                            + "The energy travels as seismic waves, and the magnitude scale measures how much energy was "
                            + "set free.",
                    "Why does the ground shake when sections of the planet's crust slip past each other?"),
            new Case("beekeeping",
                    "Honeybee colonies are organised around a single queen who lays the eggs, while thousands of worker "
                            + "bees gather nectar and pollen, build wax comb and care for the brood. Beekeepers inspect "
                            + "hives and harvest surplus honey in late summer.",
                    "What jobs do the insects in an apiary do, and when is the sweet syrup they make collected?"),
            new Case("git",
                    "Git records the history of a project as a series of commits, each a snapshot of the files. "
                            + "Branches let developers work on features in isolation, and merging or rebasing brings their "
                            + "changes back together.",
                    "Which tool lets programmers track revisions of source code and combine parallel lines of work?"),
            new Case("greenhouse effect",
                    "Greenhouse gases such as carbon dioxide and methane trap heat radiated by the Earth's surface. "
                            + "Burning fossil fuels has raised their concentration since the industrial era, warming the "
                            + "planet and shifting weather patterns.",
                    "Why is the world getting hotter because of emissions from coal, oil and petrol?"),
            new Case("chess openings",
                    "In chess, the opening is the first phase of the game, where players develop their knights and "
                            + "bishops, fight for the centre and castle their king to safety. Well-known openings include "
                            + "the Sicilian Defence and the Queen's Gambit.",
                    "What are good initial moves in the board game where you try to checkmate your opponent?"),
            new Case("roman aqueducts",
                    "Roman aqueducts carried water from distant springs into cities using a gentle, continuous downward "
                            + "slope. Built of stone, brick and concrete, they crossed valleys on arched bridges and fed "
                            + "public baths, fountains and private homes.",
                    "How did the ancient empire centred on Italy bring drinking supplies to its towns over long distances?"),
            new Case("sleep",
                    "Sleep runs in cycles of about ninety minutes that alternate between deep non-REM stages and REM "
                            + "sleep, when most vivid dreaming happens. Adults need seven to nine hours a night, and "
                            + "chronic shortage harms memory, mood and metabolism.",
                    "How much nightly rest does a grown-up require, and when do dreams occur?"),
            new Case("compound interest",
                    "Compound interest means earning returns not only on the money you deposit but also on the interest "
                            + "already added. Over decades this snowball effect makes early, regular saving far more "
                            + "powerful than larger contributions started late.",
                    "Why does putting cash aside while young grow so much more over a lifetime?"),
            new Case("volcanoes",
                    "Volcanoes form where molten rock from the mantle rises to the surface. Explosive eruptions like "
                            + "Mount St. Helens throw ash high into the atmosphere, while shield volcanoes in Hawaii "
                            + "release runny lava that flows for kilometres.",
                    "Which mountains spew magma, and why are some blasts more violent than others?"),
            new Case("guitar tuning",
                    "Tuning a guitar means adjusting the tension of each string until it vibrates at the right pitch. "
                            + "In standard tuning the six strings, from lowest to highest, are E, A, D, G, B and E; an "
                            + "electronic tuner or a reference note helps.",
                    "How do I get my six-string instrument to sound in key before I play?"),
            new Case("antibiotic resistance",
                    "Antibiotic resistance arises when bacteria survive a drug and pass on the mutations or genes that "
                            + "protected them. Overuse in medicine and farming speeds up this selection, making infections "
                            + "like tuberculosis harder to treat.",
                    "Why are germs becoming immune to the medicines doctors prescribe?"),
            new Case("moon landing",
                    "In July 1969 the Apollo 11 mission landed the lunar module Eagle on the Moon. Neil Armstrong and "
                            + "Buzz Aldrin walked on the surface for about two and a half hours while Michael Collins "
                            + "orbited above in the command module.",
                    "Who were the first astronauts to set foot on Earth's natural satellite?"),
            new Case("composting",
                    "Composting turns kitchen scraps and garden waste into rich soil. Microbes break down the material "
                            + "fastest when greens and browns are mixed, the pile is kept moist and it is turned regularly "
                            + "to let in air.",
                    "How can I recycle vegetable peels and fallen leaves into fertiliser for my backyard?"),
            new Case("password hashing",
                    "Passwords should never be stored in plain text. Servers keep a slow, salted hash computed with "
                            + "bcrypt, scrypt or Argon2, so that a leaked database does not reveal the original secrets "
                            + "and brute-force guessing becomes expensive.",
                    "What is the safe way for a website to keep user login credentials so a breach does not expose them?"),
            new Case("olive oil",
                    "Olive oil is made by crushing olives into a paste, mixing it slowly and separating the oil from "
                            + "water and solids, traditionally with presses and today mostly with centrifuges. Extra "
                            + "virgin oil comes from the first cold extraction without chemicals.",
                    "How do producers get the fat out of the small Mediterranean fruit people put in salads?"),
            new Case("auroras",
                    "Auroras appear when charged particles from the solar wind are funnelled by Earth's magnetic field "
                            + "toward the poles and collide with gases in the upper atmosphere. Oxygen glows green or red "
                            + "and nitrogen gives blue and purple hues.",
                    "What causes the colourful shimmering curtains in the night sky near the Arctic?"),
            new Case("rust ownership",
                    "Rust's ownership model gives every value a single owner, and the value is freed when the owner goes "
                            + "out of scope. The borrow checker enforces at compile time that references never outlive "
                            + "their data, preventing use-after-free bugs without a garbage collector.",
                    "How does this systems programming language guarantee memory safety with no automatic cleanup at runtime?"));

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void findsTheRightDocumentForParaphrasedQueries(LocalModel model) {
        LocalEmbedder embedder = new LocalEmbedder(model);
        List<float[]> documents = embedder.embedPassages(CASES.stream().map(Case::document).toList());
        List<float[]> queries = CASES.stream().map(Case::query).map(embedder::embedQuery).toList();

        int hits = 0;
        List<String> misses = new ArrayList<>();
        for (int q = 0; q < CASES.size(); q++) {
            int best = 0;
            for (int d = 1; d < documents.size(); d++) {
                if (cosine(queries.get(q), documents.get(d)) > cosine(queries.get(q), documents.get(best))) {
                    best = d;
                }
            }
            if (best == q) {
                hits++;
            } else {
                misses.add(CASES.get(q).topic() + " -> " + CASES.get(best).topic());
            }
        }
        double hitRate = (double) hits / CASES.size();
        System.out.printf("Search quality (%s): %d/%d queries rank their document first (%.0f%%); misses: %s%n",
                embedder.modelName(), hits, CASES.size(), hitRate * 100, misses);

        assertThat(CASES).hasSizeGreaterThanOrEqualTo(20);
        assertThat(hitRate).as("hit rate; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
    }
}
