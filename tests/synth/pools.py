"""Word and line pools for the synthetic-site generator, one entry per language.

Line templates are lists of synonymous wordings that share `{PLACEHOLDER}` fields; a site
picks one wording as canonical and a `text-changed` drift switches to another. Placeholders:
N, M (small numbers), Y (year), URL, URL2, MAIL, NAME, PHONE, ADDR, ORG, HOURS.
"""

from __future__ import annotations

Pool = dict[str, object]

EN: Pool = {
    "first": ["Alice", "Brian", "Clara", "Daniel", "Emma", "Frank", "Grace", "Henry"],
    "last": ["Walker", "Hughes", "Fletcher", "Morgan", "Baxter", "Collins", "Reed", "Porter"],
    "city": ["Leeds", "Bristol", "York", "Norwich", "Bath"],
    "street": ["Mill Lane", "High Street", "Station Road", "Church Walk", "Park Avenue"],
    "org": ["Regional Council", "Heritage Trust", "Water Board", "Arts Society", "Rowing Club"],
    "words": ["civic", "river", "north", "harbour", "valley", "union", "forum", "guild"],
    "sections": ["about", "news", "reports", "members", "events", "archive"],
    "keys": {
        "chair": "Chair",
        "sec": "Secretary",
        "phone": "Phone",
        "fax": "Fax",
        "mail": "E-mail",
        "addr": "Address",
        "web": "Website",
        "hours": "Opening hours",
    },
    "hours": ["Monday - Friday, 9 am to 5 pm", "weekdays from 9 to 5", "Mon - Thu, 10 am to 4 pm"],
    "num": [
        ["The council has {N} members", "The council consists of {N} members"],
        ["The board meets {N} times a year", "The board gathers {N} times per year"],
        ["Our {N} volunteers run {M} local groups", "Our {N} helpers run {M} local groups"],
        [
            "The delegation includes {N} deputies and {M} senators",
            "The delegation is made up of {N} deputies and {M} senators",
        ],
        ["Membership fee is {N} pounds per year", "The annual membership fee is {N} pounds"],
    ],
    "url": [
        ["Read the annual report at {URL}", "Download the annual report at {URL}"],
        [
            "Minutes of past meetings are published at {URL}",
            "Minutes of earlier meetings are posted at {URL}",
        ],
        ["Sources: {URL} | {URL2}"],
        ["Press kit and logos at {URL}"],
    ],
    "text": [
        ["All meetings are open to the public", "All meetings are public"],
        ["Visitors' entrance is on the east side", "The visitors' entrance is at the east side"],
        ["We answer every letter within two weeks", "Every letter is answered within a fortnight"],
        ['Subscribe to the newsletter "Weekly Notes"', 'Sign up for the newsletter "Weekly Notes"'],
        ["Accessible toilets on the ground floor", "Step-free toilets on the ground floor"],
    ],
    "menu": [
        ["* Home", "* Start"],
        ["* News", "* Latest news"],
        ["* About us", "* Who we are"],
        ["* Contact", "* Get in touch"],
        ["* Events", "* Calendar"],
        ["* Documents", "* Papers"],
    ],
    "copy": "© {Y} {ORG}. All rights reserved",
    "share": "Share this page with friends and colleagues on social networks or by e-mail: {URL}",
    "updated": "Page updated: {DATE}",
    "box": ["Questions? Write to us", "Our press desk answers within one day", "Press: {MAIL}"],
    "added": [
        "Parking is free for visitors",
        "Temporary closure on public holidays",
        "Follow us for daily updates",
    ],
    "subj": ["The committee", "The mayor", "A local school", "The new director", "Residents"],
    "verb": ["discussed", "approved", "presented", "criticised", "welcomed"],
    "obj": ["the budget plan", "the mayor's bridge", "the festival programme", "the river project"],
    "when": ["on Monday", "last week", "in the spring", "after a long debate"],
    "decoy": [
        "Last year {L}, officials said",
        "As reported, {L} in total",
        "{L}, according to the minutes",
    ],
}

DE: Pool = {
    "first": ["Anna", "Bernd", "Claudia", "Dieter", "Eva", "Jürgen", "Käthe", "Lukas"],
    "last": ["Müller", "Schröder", "Weiß", "Becker", "Hoffmann", "Köhler", "Wagner", "Groß"],
    "city": ["München", "Köln", "Lübeck", "Jena", "Würzburg"],
    "street": ["Hauptstraße", "Schloßallee", "Bahnhofstraße", "Gartenweg", "Marktplatz"],
    "org": ["Landesverband Süd", "Stadtwerke Nord", "Kulturverein", "Bürgerstiftung"],
    "words": ["stadt", "verein", "bund", "nord", "kultur", "rat", "bruecke", "wald"],
    "sections": ["ueber-uns", "aktuelles", "berichte", "mitglieder", "termine"],
    "keys": {
        "chair": "Vorsitz",
        "sec": "Geschäftsführung",
        "phone": "Telefon",
        "fax": "Fax",
        "mail": "E-Mail",
        "addr": "Anschrift",
        "web": "Webseite",
        "hours": "Öffnungszeiten",
    },
    "hours": [
        "Montag - Freitag, 9 bis 17 Uhr",
        "werktags von 9 bis 17 Uhr",
        "Mo - Do, 10 bis 16 Uhr",
    ],
    "num": [
        ["Der Rat hat {N} Mitglieder", "Dem Rat gehören {N} Mitglieder an"],
        ["Der Vorstand tagt {N} Mal im Jahr", "Der Vorstand kommt {N} Mal jährlich zusammen"],
        [
            "Unsere {N} Ehrenamtlichen betreuen {M} Gruppen",
            "Unsere {N} Freiwilligen betreuen {M} Gruppen",
        ],
        ["Der Beitrag beträgt {N} Euro im Jahr", "Der Jahresbeitrag liegt bei {N} Euro"],
    ],
    "url": [
        ["Den Jahresbericht finden Sie unter {URL}", "Den Jahresbericht gibt es unter {URL}"],
        ["Protokolle früherer Sitzungen stehen unter {URL}"],
        ["Quellen: {URL} | {URL2}"],
        ["Pressematerial unter {URL}"],
    ],
    "text": [
        ["Alle Sitzungen sind öffentlich", "Sämtliche Sitzungen sind öffentlich"],
        [
            "Der Eingang für Besucher liegt auf der Ostseite",
            "Der Besuchereingang befindet sich auf der Ostseite",
        ],
        [
            "Wir beantworten jede Anfrage binnen zwei Wochen",
            "Jede Anfrage wird innerhalb von zwei Wochen beantwortet",
        ],
        [
            "Abonnieren Sie den Newsletter „Wochenblick“",
            "Bestellen Sie den Newsletter „Wochenblick“",
        ],
    ],
    "menu": [
        ["* Startseite", "* Start"],
        ["* Aktuelles", "* Neuigkeiten"],
        ["* Über uns", "* Wir"],
        ["* Kontakt", "* Ansprechpartner"],
        ["* Termine", "* Kalender"],
        ["* Downloads", "* Dateien"],
    ],
    "copy": "© {Y} {ORG}. Alle Rechte vorbehalten",
    "share": "Diese Seite mit Freunden und Kollegen in sozialen Netzwerken oder per E-Mail teilen: {URL}",
    "updated": "Seite aktualisiert: {DATE}",
    "box": [
        "Fragen? Schreiben Sie uns",
        "Die Pressestelle antwortet binnen eines Tages",
        "Presse: {MAIL}",
    ],
    "added": [
        "Parken ist für Besucher kostenlos",
        "An Feiertagen geschlossen",
        "Folgen Sie uns täglich",
    ],
    "subj": [
        "Der Ausschuss",
        "Die Bürgermeisterin",
        "Eine Grundschule",
        "Der neue Leiter",
        "Anwohner",
    ],
    "verb": ["diskutierte", "genehmigte", "stellte vor", "kritisierte", "begrüßte"],
    "obj": ["den Haushaltsplan", "eine neue Brücke", "das Festprogramm", "das Flussprojekt"],
    "when": ["am Montag", "letzte Woche", "im Frühjahr", "nach langer Debatte"],
    "decoy": ["Im Vorjahr galt: {L}", "Wie berichtet: {L}", "{L}, so das Protokoll"],
}

FR: Pool = {
    "first": ["Amélie", "Benoît", "Céline", "Étienne", "Hélène", "Jérôme", "Léa", "Noël"],
    "last": ["Lefèvre", "Moreau", "Girard", "Bénard", "Faure", "Rousseau", "Chevalier", "Dupré"],
    "city": ["Besançon", "Nîmes", "Orléans", "Périgueux", "Angers"],
    "street": ["rue de la Paix", "avenue Jean-Jaurès", "place du Marché", "quai des Écoles"],
    "org": ["Conseil régional", "Société des Amis", "Office du tourisme", "Maison des Arts"],
    "words": ["ville", "conseil", "region", "culture", "port", "vallee", "forum", "amis"],
    "sections": ["a-propos", "actualites", "rapports", "membres", "agenda"],
    "keys": {
        "chair": "Président",
        "sec": "Secrétaire général",
        "phone": "Téléphone",
        "fax": "Fax",
        "mail": "Courriel",
        "addr": "Adresse",
        "web": "Site web",
        "hours": "Horaires",
    },
    "hours": [
        "lundi - vendredi, de 9 h à 17 h",
        "en semaine de 9 h à 17 h",
        "lun. - jeu., 10 h à 16 h",
    ],
    "num": [
        ["Le conseil compte {N} membres", "Le conseil est composé de {N} membres"],
        ["Le bureau se réunit {N} fois par an", "Le bureau siège {N} fois par an"],
        [
            "Nos {N} bénévoles animent {M} groupes locaux",
            "Nos {N} volontaires animent {M} groupes locaux",
        ],
        ["La cotisation annuelle est de {N} euros", "La cotisation s'élève à {N} euros par an"],
    ],
    "url": [
        ["Consultez le rapport annuel sur {URL}", "Lisez le rapport annuel sur {URL}"],
        ["Les comptes rendus des séances sont publiés sur {URL}"],
        ["Sources : {URL} | {URL2}"],
        ["Dossier de presse sur {URL}"],
    ],
    "text": [
        ["Toutes les séances sont publiques", "Les séances sont ouvertes au public"],
        ["L'entrée des visiteurs se trouve côté est", "L'accès des visiteurs est côté est"],
        [
            "Nous répondons à chaque lettre sous deux semaines",
            "Chaque courrier reçoit une réponse sous quinze jours",
        ],
        ["Abonnez-vous à la lettre « La Semaine »", "Inscrivez-vous à la lettre « La Semaine »"],
    ],
    "menu": [
        ["* Accueil", "* Début"],
        ["* Actualités", "* Nouvelles"],
        ["* Qui sommes-nous", "* À propos"],
        ["* Contact", "* Nous écrire"],
        ["* Agenda", "* Calendrier"],
        ["* Documents", "* Publications"],
    ],
    "copy": "© {Y} {ORG}. Tous droits réservés",
    "share": "Partagez cette page avec vos amis et collègues sur les réseaux sociaux ou par courriel : {URL}",
    "updated": "Page mise à jour : {DATE}",
    "box": [
        "Des questions ? Écrivez-nous",
        "Le service de presse répond sous un jour",
        "Presse : {MAIL}",
    ],
    "added": [
        "Le parking est gratuit pour les visiteurs",
        "Fermé les jours fériés",
        "Suivez-nous chaque jour",
    ],
    "subj": [
        "La commission",
        "Le maire",
        "Une école du quartier",
        "La nouvelle directrice",
        "Les habitants",
    ],
    "verb": ["a discuté", "a approuvé", "a présenté", "a critiqué", "a salué"],
    "obj": ["le budget", "un nouveau pont", "le programme du festival", "le projet fluvial"],
    "when": ["lundi", "la semaine dernière", "au printemps", "après un long débat"],
    "decoy": ["L'an dernier, {L}", "Selon le compte rendu, {L}", "{L}, a rappelé l'élu"],
}

ES: Pool = {
    "first": ["Álvaro", "Begoña", "Carmen", "Íñigo", "Lucía", "Martín", "Nuria", "Óscar"],
    "last": ["García", "Muñoz", "Pérez", "Jiménez", "Ibáñez", "Núñez", "Ortega", "Sáez"],
    "city": ["Cádiz", "León", "Málaga", "Córdoba", "Logroño"],
    "street": ["calle Mayor", "avenida de la Constitución", "plaza de España", "paseo del Río"],
    "org": ["Consejo Regional", "Fundación Cultural", "Asociación Vecinal", "Club Náutico"],
    "words": ["ciudad", "consejo", "region", "cultura", "puerto", "valle", "foro", "amigos"],
    "sections": ["quienes-somos", "noticias", "informes", "socios", "agenda"],
    "keys": {
        "chair": "Presidencia",
        "sec": "Secretaría",
        "phone": "Teléfono",
        "fax": "Fax",
        "mail": "Correo",
        "addr": "Dirección",
        "web": "Sitio web",
        "hours": "Horario",
    },
    "hours": [
        "lunes - viernes, de 9 a 17 h",
        "días laborables de 9 a 17 h",
        "lun. - jue., de 10 a 16 h",
    ],
    "num": [
        ["El consejo tiene {N} miembros", "El consejo está formado por {N} miembros"],
        ["La junta se reúne {N} veces al año", "La junta celebra {N} sesiones al año"],
        [
            "Nuestros {N} voluntarios animan {M} grupos",
            "Nuestros {N} colaboradores animan {M} grupos",
        ],
        ["La cuota anual es de {N} euros", "La cuota asciende a {N} euros al año"],
    ],
    "url": [
        ["Consulte la memoria anual en {URL}", "Descargue la memoria anual en {URL}"],
        ["Las actas de las sesiones se publican en {URL}"],
        ["Fuentes: {URL} | {URL2}"],
        ["Material de prensa en {URL}"],
    ],
    "text": [
        ["Todas las sesiones son públicas", "Las sesiones están abiertas al público"],
        [
            "La entrada de visitantes está en el lado este",
            "El acceso de visitantes está en el lado este",
        ],
        ["Respondemos a cada carta en dos semanas", "Cada carta recibe respuesta en quince días"],
        ["Suscríbase al boletín «La Semana»", "Apúntese al boletín «La Semana»"],
    ],
    "menu": [
        ["* Inicio", "* Portada"],
        ["* Noticias", "* Actualidad"],
        ["* Quiénes somos", "* Nosotros"],
        ["* Contacto", "* Escríbanos"],
        ["* Agenda", "* Calendario"],
        ["* Documentos", "* Publicaciones"],
    ],
    "copy": "© {Y} {ORG}. Todos los derechos reservados",
    "share": "Comparta esta página con amigos y colegas en las redes sociales o por correo electrónico: {URL}",
    "updated": "Página actualizada: {DATE}",
    "box": ["¿Preguntas? Escríbanos", "La oficina de prensa responde en un día", "Prensa: {MAIL}"],
    "added": [
        "Aparcamiento gratuito para visitantes",
        "Cerrado los días festivos",
        "Síganos cada día",
    ],
    "subj": [
        "La comisión",
        "La alcaldesa",
        "Un colegio del barrio",
        "El nuevo director",
        "Los vecinos",
    ],
    "verb": ["debatió", "aprobó", "presentó", "criticó", "celebró"],
    "obj": ["el presupuesto", "un puente nuevo", "el programa de fiestas", "el proyecto del río"],
    "when": ["el lunes", "la semana pasada", "en primavera", "tras un largo debate"],
    "decoy": ["El año pasado, {L}", "Según el acta, {L}", "{L}, recordó la concejala"],
}
