package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as CI servers read it: one {@code <testsuite>} per rule, one {@code <testcase>} per check
 * ({@code classname} = rule ID, {@code name} = resource; {@code file} and {@code line} for templates).
 * FAILURE is {@code <failure>}, ERROR is {@code <error>}; UNKNOWN is {@code <skipped>}, since the template
 * cannot be judged before deployment and failing the build on it would be a false failure; a suppressed check
 * is {@code <skipped>} with its reason. Passing checks are plain test cases.
 */
final class JunitReport implements Report {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final List<RuleDefinition> rulesRun;

    JunitReport(List<RuleDefinition> rulesRun) {
        this.rulesRun = rulesRun;
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        // the root element carries the totals, so every check is read before the first is written
        List<Check> checks = result.checkList();
        Map<String, List<Check>> byRule = new LinkedHashMap<>();
        for (RuleMeta rule : new ReportedRules(rulesRun, checks).all()) {
            byRule.put(rule.id(), checks.stream().filter(c -> c.rule().id().equals(rule.id())).toList());
        }
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "Vigil");
            writeCounts(x, checks);
            for (Map.Entry<String, List<Check>> suite : byRule.entrySet()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite.getKey());
                writeCounts(x, suite.getValue());
                for (Check c : suite.getValue()) {
                    writeCase(x, c);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void writeCounts(XMLStreamWriter x, List<Check> checks) throws XMLStreamException {
        x.writeAttribute("tests", String.valueOf(checks.size()));
        x.writeAttribute("failures", String.valueOf(count(checks, Outcome.FAILURE)));
        x.writeAttribute("errors", String.valueOf(count(checks, Outcome.ERROR)));
        x.writeAttribute("skipped", String.valueOf(count(checks, Outcome.SKIPPED)));
    }

    private static long count(List<Check> checks, Outcome outcome) {
        return checks.stream().filter(c -> Outcome.of(c) == outcome).count();
    }

    private static void writeCase(XMLStreamWriter x, Check c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", c.rule().id());
        x.writeAttribute("name", text(c.resource()));
        if (c.origin() instanceof Origin.Template t) {
            x.writeAttribute("file", text(t.file()));
            x.writeAttribute("line", String.valueOf(t.line()));
        }
        Outcome outcome = Outcome.of(c);
        if (outcome != Outcome.PASSED) {
            x.writeCharacters("\n      ");
            x.writeEmptyElement(outcome.element);
            String message = c.suppression() != null ? "suppressed: " + c.suppression() : c.message();
            x.writeAttribute("message", text(message));
            x.writeAttribute("type", outcome == Outcome.SKIPPED ? c.status().name() : c.rule().risk().name());
            x.writeCharacters("\n    ");
        }
        x.writeEndElement();
    }

    /** Text safe in XML 1.0: characters XML cannot carry, even escaped, become U+FFFD. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(allowed(cp) ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /** How a check reads as a test result. */
    private enum Outcome {
        PASSED(null), FAILURE("failure"), ERROR("error"), SKIPPED("skipped");

        final String element;

        Outcome(String element) {
            this.element = element;
        }

        static Outcome of(Check c) {
            if (c.suppression() != null) {
                return SKIPPED;
            }
            return switch (c.status()) {
                case SUCCESS -> PASSED;
                case FAILURE -> FAILURE;
                case ERROR -> ERROR;
                case UNKNOWN -> SKIPPED;
            };
        }
    }
}
