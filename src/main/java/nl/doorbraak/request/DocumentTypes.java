package nl.doorbraak.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Recognises the allowed kinds of document from their content, never from their name or the
 * declared type — PDF, DOCX, XLSX (Office Open XML), ODT, ODS (OpenDocument), PNG and JPEG —
 * and checks that the content is what its first bytes say, the way the program that opens it
 * will read it. The first bytes alone let through an HTML page with a script behind "%PDF-",
 * which a browser or a careless viewer may render as HTML:
 * <ul>
 * <li>a PDF must open in PDFBox (the same lenient parser that repairs what readers repair) and
 *     have a page; one locked with a password is refused, because no reviewer could read it;</li>
 * <li>a PNG or JPEG must decode completely (read subsampled, so a huge image costs little
 *     memory; a JPEG that the decoder reports as cut off is refused) and have at most
 *     {@value #MAX_PIXELS} pixels;</li>
 * <li>a zip is a DOCX or XLSX when its {@code [Content_Types].xml} declares the main part of a
 *     Word document or an Excel workbook and that part is in the zip; an ODT or ODS when its
 *     first entry {@code mimetype} says so, {@code META-INF/manifest.xml} declares the same type
 *     for the package and {@code content.xml} is there. A package with macros (a VBA project,
 *     the macro-enabled main types, OpenDocument Basic or scripts) is refused. The zip is read
 *     through its central directory, as Office reads it, so a huge compressed entry that is not
 *     needed is never inflated.</li>
 * </ul>
 */
final class DocumentTypes {

    /** What the content is, or why it is refused (in Dutch, for the uploader). */
    record Recognition(String mediaType, String refusal) {

        static Recognition of(String mediaType) {
            return new Recognition(mediaType, null);
        }

        static Recognition refused(String refusal) {
            return new Recognition(null, refusal);
        }

        boolean recognised() {
            return mediaType != null;
        }
    }

    static final String ALLOWED = "Alleen PDF, DOCX, XLSX, ODT, ODS, PNG en JPEG zijn toegestaan; het soort bestand "
            + "wordt aan de inhoud herkend.";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    /** 100 megapixels: more than any camera or scan a municipality sends. */
    static final long MAX_PIXELS = 100_000_000L;
    /** At most this many pixels are kept while an image is decoded to check it. */
    private static final long DECODED_PIXELS = 1_000_000L;
    private static final int MAX_ZIP_ENTRIES = 10_000;
    private static final int MAX_XML_BYTES = 1024 * 1024;

    private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", DOCX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", XLSX);
    private static final Set<String> OOXML_MACRO_TYPES = Set.of(
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.ms-office.vbaProject");
    private static final String CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    private DocumentTypes() {
    }

    static Recognition recognise(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return pdf(content);
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return image(content, "png", "image/png", "PNG");
        }
        if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return image(content, "jpeg", "image/jpeg", "JPEG");
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return zipPackage(content);
        }
        return Recognition.refused(ALLOWED);
    }

    private static Recognition pdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() < 1) {
                return Recognition.refused("Het bestand is een PDF zonder pagina's.");
            }
            return Recognition.of("application/pdf");
        } catch (InvalidPasswordException e) {
            return Recognition.refused("De PDF is met een wachtwoord beveiligd; voeg hem zonder wachtwoord toe, "
                    + "zodat wie het verzoek behandelt hem kan lezen.");
        } catch (IOException | RuntimeException e) {
            return Recognition.refused("Het bestand begint als een PDF, maar is geen leesbare PDF. " + ALLOWED);
        }
    }

    private static Recognition image(byte[] content, String format, String mediaType, String name) {
        String unreadable = "Het bestand begint als een " + name + "-afbeelding, maar is geen volledige, leesbare "
                + "afbeelding. " + ALLOWED;
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return Recognition.refused(unreadable);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(input, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                return Recognition.refused("De afbeelding heeft meer dan " + MAX_PIXELS / 1_000_000
                        + " miljoen beeldpunten.");
            }
            int step = (int) Math.max(1, Math.ceil(Math.sqrt(pixels / (double) DECODED_PIXELS)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            // a raster needs no colour conversion: a CMYK JPEG decodes as well as an RGB one
            if (reader.canReadRaster()) {
                reader.readRaster(0, param);
            } else {
                reader.read(0, param);
            }
            return pixels > 0 && warnings.isEmpty() ? Recognition.of(mediaType) : Recognition.refused(unreadable);
        } catch (IOException | RuntimeException e) {
            return Recognition.refused(unreadable);
        } finally {
            reader.dispose();
        }
    }

    private static Recognition zipPackage(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("doorbraak-upload-", ".zip");
            Files.write(file, content);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.size() > MAX_ZIP_ENTRIES) {
                    return notAnOfficeDocument();
                }
                ZipEntry first = zip.stream().findFirst().orElse(null);
                if (first != null && first.getName().equals("mimetype")) {
                    return openDocument(zip, first);
                }
                ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
                return contentTypes == null ? notAnOfficeDocument() : officeOpenXml(zip, contentTypes);
            }
        } catch (IOException | RuntimeException | ParserConfigurationException | SAXException e) {
            return notAnOfficeDocument();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Office Open XML (ECMA-376 part 2): the content types name the main part, which must be there. */
    private static Recognition officeOpenXml(ZipFile zip, ZipEntry contentTypes)
            throws IOException, ParserConfigurationException, SAXException {
        if (zip.stream().anyMatch(entry -> entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin"))) {
            return withMacros();
        }
        Document types = xml(zip, contentTypes);
        Map<String, String> mainParts = new HashMap<>();
        NodeList overrides = types.getElementsByTagNameNS(CONTENT_TYPES_NS, "Override");
        for (int i = 0; i < overrides.getLength(); i++) {
            Element override = (Element) overrides.item(i);
            String type = override.getAttribute("ContentType").strip();
            if (OOXML_MACRO_TYPES.contains(type)) {
                return withMacros();
            }
            String mediaType = OOXML_MAIN_PARTS.get(type);
            String part = override.getAttribute("PartName");
            if (mediaType != null && part.startsWith("/") && zip.getEntry(part.substring(1)) != null) {
                mainParts.put(mediaType, part);
            }
        }
        return mainParts.size() == 1 ? Recognition.of(mainParts.keySet().iterator().next()) : notAnOfficeDocument();
    }

    /** OpenDocument (ODF 1.2 part 3): "mimetype" first, the manifest agreeing with it, and content.xml. */
    private static Recognition openDocument(ZipFile zip, ZipEntry mimetypeEntry)
            throws IOException, ParserConfigurationException, SAXException {
        String mimetype;
        try (InputStream in = zip.getInputStream(mimetypeEntry)) {
            mimetype = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
        }
        if (!mimetype.equals(ODT) && !mimetype.equals(ODS)) {
            return notAnOfficeDocument();
        }
        if (zip.stream().anyMatch(entry -> entry.getName().startsWith("Basic/") || entry.getName().startsWith("Scripts/"))) {
            return withMacros();
        }
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest == null || zip.getEntry("content.xml") == null) {
            return notAnOfficeDocument();
        }
        NodeList entries = xml(zip, manifest).getElementsByTagNameNS(MANIFEST_NS, "file-entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if ("/".equals(entry.getAttributeNS(MANIFEST_NS, "full-path"))
                    && mimetype.equals(entry.getAttributeNS(MANIFEST_NS, "media-type"))) {
                return Recognition.of(mimetype);
            }
        }
        return notAnOfficeDocument();
    }

    /** A small XML part, parsed without DTDs or external entities. */
    private static Document xml(ZipFile zip, ZipEntry entry) throws IOException, ParserConfigurationException,
            SAXException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_XML_BYTES + 1);
        }
        if (bytes.length > MAX_XML_BYTES) {
            throw new IOException("XML part too large: " + entry.getName());
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    private static Recognition notAnOfficeDocument() {
        return Recognition.refused("Het bestand is een zip-archief, maar geen volledig DOCX-, XLSX-, ODT- of "
                + "ODS-document. " + ALLOWED);
    }

    private static Recognition withMacros() {
        return Recognition.refused("Het document bevat macro's; sla het op zonder macro's (als .docx, .xlsx, .odt of "
                + ".ods) en voeg het opnieuw toe.");
    }

    /**
     * The name to store, from the name the uploader's system sent: without its folders (a browser
     * may send "C:\fakepath\nota.pdf"), without the characters that file systems refuse, and not
     * starting with a dot. Control and direction characters and over-long names are refused by
     * {@link CaseDocuments} before this.
     */
    static String safeFileName(String original) {
        String name = withoutFolders(original);
        name = name.replaceAll("[\"<>|:*?]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name.isBlank() ? "document" : name;
    }

    static String withoutFolders(String original) {
        String name = original == null ? "" : original;
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
