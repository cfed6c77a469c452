/*
 * Doorbraak's configuration of Camunda Tasklist. It replaces the webjar's scripts/config.js
 * (the application's resources come first on the classpath); docs/tasklist.md explains it.
 */
export default {
  // the header reads "Doorbraak Takenlijst"
  app: {
    name: 'Takenlijst',
    vendor: 'Doorbraak'
  },
  // locales/nl.json is ours; English stays available for a browser that asks for it
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'nl'
  },
  // Dutch order; month and day names come from dateLocales in locales/nl.json
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'D MMMM YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm',
    short: 'D MMMM YYYY'
  },
  // the link to Camunda's welcome page means nothing to our users
  disableWelcomeMessage: true,
  // a link to Doorbraak's page "Mijn e-mailmeldingen" in the header
  customScripts: ['scripts/doorbraak-links.js'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'pakt de gekozen taak op'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van het taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een verzoek te starten'
    }
  }
};
