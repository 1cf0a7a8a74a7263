package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML parsed back with the JDK's parser: well-formed, with the counts CI servers read. */
class JunitReportTest {

    private static Document xml;

    @BeforeAll
    static void render() throws Exception {
        String text = SampleScan.render(Format.JUNIT, SampleScan.result());
        xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(String name) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    private static Element child(Element testcase) {
        NodeList children = testcase.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    @Test
    void oneSuitePerRuleWithCounts() {
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element sample = (Element) suites.item(0);
        assertThat(sample.getAttribute("name")).isEqualTo("Sample-001");
        assertThat(sample.getAttribute("tests")).isEqualTo("6");
        assertThat(sample.getAttribute("failures")).isEqualTo("2");
        assertThat(sample.getAttribute("errors")).isEqualTo("1");
        assertThat(sample.getAttribute("skipped")).isEqualTo("2");
        assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("Quiet-001");
        assertThat(((Element) suites.item(1)).getAttribute("tests")).isEqualTo("0");
    }

    @Test
    void eachStatusBecomesItsElementAndTextSurvivesEscaping() {
        Element orders = testcase("Orders");
        assertThat(orders.getAttribute("classname")).isEqualTo("Sample-001");
        assertThat(orders.getAttribute("file")).isEqualTo("infra/my stack.yaml");
        assertThat(orders.getAttribute("line")).isEqualTo("12");
        assertThat(child(orders).getTagName()).isEqualTo("failure");
        assertThat(child(orders).getAttribute("message")).isEqualTo("Point-in-time recovery is not enabled <&\"'>");
        assertThat(child(orders).getAttribute("type")).isEqualTo("HIGH");
        assertThat(child(testcase("Cache")).getTagName()).isEqualTo("skipped");
        assertThat(child(testcase("Cache")).getAttribute("message")).isEqualTo("suppressed: rebuilt nightly");
        assertThat(child(testcase("Audit")).getTagName()).isEqualTo("skipped");
        assertThat(child(testcase("Audit")).getAttribute("type")).isEqualTo("UNKNOWN");
        Element broken = child(testcase("cloudformation:parse@infra/broken.yaml"));
        assertThat(broken.getTagName()).isEqualTo("error");
        assertThat(broken.getAttribute("message")).endsWith("not allowed here\uFFFD");
        assertThat(child(testcase("Sessions"))).isNull();
    }
}
