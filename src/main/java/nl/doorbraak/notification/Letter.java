package nl.doorbraak.notification;

/** An e-mail to write: a Dutch subject and plain-text body. */
public record Letter(String subject, String body) {

    public static final String SIGNATURE = """

            Met vriendelijke groet,

            Programmabureau Nationaal Programma Leefbaarheid en Veiligheid
            Ministerie van Volkshuisvesting en Ruimtelijke Ordening

            Dit bericht is automatisch verstuurd door Doorbraak.""";
}
