package dev.candor.forensics.origin;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The properties of XMP packets flattened to (namespace, name, value): simple properties written as elements or
 * as attributes, and the items of arrays and structures under the property that holds them. Parsed with StAX
 * with DTDs and external entities off.
 */
public final class Xmp {

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** A property value; {@code path} names the enclosing non-RDF properties, outermost first. */
    public record Property(String namespace, String name, String value, List<String> path) {
    }

    private final List<Property> properties;

    private Xmp(List<Property> properties) {
        this.properties = List.copyOf(properties);
    }

    public List<Property> properties() {
        return properties;
    }

    public List<String> values(String namespace, String name) {
        return properties.stream().filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
                .map(Property::value).toList();
    }

    public Optional<String> first(String namespace, String name) {
        return values(namespace, name).stream().findFirst();
    }

    public static Xmp parse(List<String> packets, List<String> problems) {
        List<Property> all = new ArrayList<>();
        for (String packet : packets) {
            try {
                parseInto(packet, all);
            } catch (XMLStreamException | RuntimeException e) {
                problems.add("unreadable XMP packet: " + e.getMessage());
            }
        }
        return new Xmp(all);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private static void parseInto(String packet, List<Property> out) throws XMLStreamException {
        XMLStreamReader r = factory().createXMLStreamReader(new StringReader(packet.strip()));
        Deque<String[]> stack = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        text.setLength(0);
                        String ns = nullToEmpty(r.getNamespaceURI());
                        stack.push(new String[] {ns, r.getLocalName()});
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ans = nullToEmpty(r.getAttributeNamespace(i));
                            if (!ans.isEmpty() && !ans.equals(RDF) && !ans.equals(XMLConstants.XML_NS_URI)) {
                                out.add(new Property(ans, r.getAttributeLocalName(i), r.getAttributeValue(i), path(stack)));
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String value = text.toString().strip();
                        text.setLength(0);
                        String[] element = stack.pop();
                        if (!value.isEmpty()) {
                            String[] owner = element[0].equals(RDF) ? nearestProperty(stack) : element;
                            if (owner != null) {
                                out.add(new Property(owner[0], owner[1], value, path(stack)));
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } finally {
            r.close();
        }
    }

    private static String[] nearestProperty(Deque<String[]> stack) {
        for (String[] e : stack) {
            if (!e[0].equals(RDF) && !e[0].equals("adobe:ns:meta/")) {
                return e;
            }
        }
        return null;
    }

    private static List<String> path(Deque<String[]> stack) {
        List<String> path = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(e -> {
            if (!e[0].equals(RDF) && !e[0].equals("adobe:ns:meta/")) {
                path.add(e[1]);
            }
        });
        return path;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
