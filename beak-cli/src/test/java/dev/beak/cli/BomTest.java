package dev.beak.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM and the README's Maven snippet against the build: the BOM pins every module of the reactor (but
 * itself and the fuzzer) at the project's version, and the README imports that BOM and names only modules it pins.
 */
class BomTest {
    private static final Path ROOT = Path.of("..");

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the direct child {@code name} of {@code e}, or null. */
    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c.getTextContent().strip();
        }
        return null;
    }

    private static List<Element> all(Document d, String tag) {
        NodeList list = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    private static Document pom(Path file) throws Exception {
        return xml(Files.readString(file));
    }

    @Test
    void theBomPinsEveryModuleAtTheProjectsVersion() throws Exception {
        Document parent = pom(ROOT.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");
        Set<String> modules = new LinkedHashSet<>();
        for (Element m : all(parent, "module")) {
            String artifact = child(pom(ROOT.resolve(m.getTextContent().strip()).resolve("pom.xml")).getDocumentElement(), "artifactId");
            if (!artifact.equals("beak-bom") && !artifact.equals("beak-fuzz")) modules.add(artifact);
        }
        Document bom = pom(ROOT.resolve("beak-bom/pom.xml"));
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);
        Set<String> pinned = new LinkedHashSet<>();
        for (Element d : all(bom, "dependency")) {
            assertThat(child(d, "groupId")).isEqualTo("dev.beak");
            assertThat(child(d, "version")).isEqualTo("${project.version}");
            pinned.add(child(d, "artifactId"));
        }
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(modules);
    }

    @Test
    void theReadmeImportsTheBomAndNamesModulesItPins() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int from = readme.indexOf("```xml\n"), to = readme.indexOf("```", from + 7);
        assertThat(from).as("README.md has an xml block").isNotNegative();
        Document snippet = xml("<project>" + readme.substring(from + 7, to) + "</project>");
        Document bom = pom(ROOT.resolve("beak-bom/pom.xml"));
        Set<String> pinned = new LinkedHashSet<>();
        for (Element d : all(bom, "dependency")) pinned.add(child(d, "artifactId"));

        Element imported = all(snippet, "dependency").getFirst();
        assertThat(child(imported, "groupId")).isEqualTo(child(bom.getDocumentElement(), "groupId"));
        assertThat(child(imported, "artifactId")).isEqualTo("beak-bom");
        assertThat(child(imported, "version")).isEqualTo(child(bom.getDocumentElement(), "version"));
        assertThat(child(imported, "type")).isEqualTo("pom");
        assertThat(child(imported, "scope")).isEqualTo("import");
        List<Element> used = all(snippet, "dependency").subList(1, all(snippet, "dependency").size());
        assertThat(used).isNotEmpty();
        for (Element d : used) {
            assertThat(child(d, "groupId")).isEqualTo("dev.beak");
            assertThat(child(d, "version")).as("the BOM gives the version").isNull();
            assertThat(pinned).contains(child(d, "artifactId"));
        }
    }
}
