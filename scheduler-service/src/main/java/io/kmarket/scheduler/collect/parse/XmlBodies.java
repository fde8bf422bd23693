package io.kmarket.scheduler.collect.parse;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;

/**
 * Streams XML answers. The parser reads the encoding from the XML declaration (Naver declares EUC-KR), and DTDs
 * and external entities are off: these bodies come from outside.
 */
public final class XmlBodies {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XmlBodies() {
    }

    /** An element's attributes, or for a record-like element its children's texts. */
    public record Element(String name, Map<String, String> values) {
    }

    /**
     * Every element named {@code recordName}, with its attributes and the text of its direct children; fails
     * as malformed when the body is not well-formed XML or has no {@code requiredRoot} element.
     */
    public static List<Element> elements(byte[] body, String requiredRoot, String recordName) {
        List<Element> found = new ArrayList<>();
        boolean rootSeen = false;
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            Map<String, String> current = null;
            String child = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    rootSeen |= name.equals(requiredRoot);
                    if (name.equals(recordName)) {
                        current = new HashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            current.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                    } else if (current != null) {
                        child = name;
                        text.setLength(0);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (child != null) {
                        text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals(recordName) && current != null) {
                        found.add(new Element(name, current));
                        current = null;
                    } else if (current != null && name.equals(child)) {
                        current.put(child, text.toString());
                        child = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedPayloadException("body is not well-formed XML: " + e.getMessage(), e);
        }
        if (!rootSeen) {
            throw new MalformedPayloadException("no <" + requiredRoot + "> element in the answer: "
                    + JsonBodies.excerpt(body));
        }
        return found;
    }
}
