package io.rebound.activity.files;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/** Fails on a DOCTYPE: activity files never need one, and refusing it closes the door on entity tricks. */
final class DoctypeRefusingReader extends StreamReaderDelegate {

    private final String formatName;

    DoctypeRefusingReader(XMLStreamReader reader, String formatName) {
        super(reader);
        this.formatName = formatName;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.DTD) {
            throw new UnreadableFileException("the " + formatName
                    + " file has a DOCTYPE declaration, which activity files must not have (GPX and TCX need none)");
        }
        return event;
    }
}
