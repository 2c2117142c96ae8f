"""German strings of login, roles and the built-in accounts (app and CLI)."""

ROLE_LABELS: dict[str, str] = {
    "lotse": "Lotse",
    "redaktion": "Redaktion",
    "planung": "Planung",
    "admin": "Administration",
}

# Sidebar: login and logout
LOGIN_TITLE = "Anmeldung"
LOGIN_NAME = "Benutzername"
LOGIN_PASSWORD = "Passwort"
LOGIN_SUBMIT = "Anmelden"
LOGIN_OIDC = "Mit dem Konto der Stadt anmelden"
LOGOUT = "Abmelden"
LOGGED_IN_AS = "Angemeldet als **{name}** ({roles})"
NO_ROLES = "keine Rolle"
LOGIN_FAILED = "Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt."
LOGIN_LOCKED = (
    "Zu viele Fehlversuche. Die Anmeldung ist für {minutes} Minuten gesperrt; "
    "bitte danach erneut versuchen."
)
SESSION_EXPIRED = "Die Sitzung ist abgelaufen. Bitte erneut anmelden."
LOGIN_DATABASE_FAULT = "Die Anmeldung ist gerade nicht möglich: {message}"

# Refusal of a page or an action
REFUSED = "Für diese Seite fehlt die Berechtigung ({roles})."
REFUSED_ANONYMOUS = "Bitte in der Seitenleiste anmelden."
REFUSED_LOGGED_IN = "Angemeldet als {name}; diese Rolle hat das Konto nicht."
ACTION_REFUSED = "Für diese Aktion fehlt die Berechtigung ({roles})."
ROLES_JOIN = " oder "
SCENARIOS_LOGIN_REQUIRED = "Szenarien speichern, öffnen und löschen kann die Planung nach der Anmeldung."

# Navigation
SECTION_PUBLIC = ""
SECTION_ADMIN = "Verwaltung"

# Built-in accounts (services/auth.py, CLI)
NAME_INVALID = (
    "Der Benutzername „{name}“ ist ungültig: 2 bis 64 Zeichen, Kleinbuchstaben, Ziffern "
    "und . _ - @, beginnend mit einem Buchstaben oder einer Ziffer."
)
ROLE_UNKNOWN = "Unbekannte Rolle „{role}“; erlaubt sind: {roles}."
ROLE_REQUIRED = "Bitte mindestens eine Rolle angeben (--role)."
PASSWORD_TOO_SHORT = "Das Passwort ist zu kurz ({length} Zeichen, mindestens {minimum})."
PASSWORD_TOO_LONG = "Das Passwort ist zu lang (höchstens {maximum} Zeichen)."
PASSWORD_IS_NAME = "Das Passwort darf nicht den Benutzernamen enthalten."
PASSWORDS_DIFFER = "Die beiden Eingaben des Passworts stimmen nicht überein."
USER_EXISTS = "Das Konto „{name}“ gibt es schon."
USER_UNKNOWN = "Das Konto „{name}“ gibt es nicht."

# Configuration of the identity provider
ROLE_MAP_INVALID = (
    "Die Rollenzuordnung (role_map in .streamlit/secrets.toml oder QA_ROLE_MAP) nennt die "
    "unbekannte Rolle „{role}“; erlaubt sind: {roles}."
)

# CLI
CLI_USER = "Konten der eingebauten Anmeldung verwalten"
CLI_USER_ACTION = "Aktion"
CLI_USER_ADD = "ein Konto anlegen (Passwort wird abgefragt)"
CLI_USER_PASSWD = "das Passwort eines Kontos ändern"
CLI_USER_DISABLE = "ein Konto sperren (es bleibt erhalten, meldet sich aber nicht mehr an)"
CLI_USER_ENABLE = "ein gesperrtes Konto wieder freigeben (hebt auch eine Sperre nach Fehlversuchen auf)"
CLI_USER_ROLES = "die Rollen eines Kontos ersetzen (--role mehrfach angebbar)"
CLI_USER_LIST = "alle Konten mit Rollen und Status zeigen"
CLI_USER_PRUNE = "abgelaufene Zähler fehlgeschlagener Anmeldungen löschen"
CLI_USER_NAME = "Benutzername (Kleinbuchstaben)"
CLI_USER_ROLE = "Rolle: lotse, redaktion, planung oder admin (mehrfach angebbar)"
CLI_PASSWORD_STDIN = "das Passwort aus der ersten Zeile der Standardeingabe lesen (für Skripte)"
CLI_PASSWORD_PROMPT = "Passwort: "
CLI_PASSWORD_REPEAT = "Passwort wiederholen: "
CLI_DONE_USER_ADD = "Konto „{name}“ angelegt, Rollen: {roles}."
CLI_DONE_USER_PASSWD = "Passwort von „{name}“ geändert."
CLI_DONE_USER_DISABLE = "Konto „{name}“ gesperrt."
CLI_DONE_USER_ENABLE = "Konto „{name}“ wieder freigegeben."
CLI_DONE_USER_ROLES = "Rollen von „{name}“: {roles}."
CLI_DONE_USER_PRUNE = "{count} abgelaufene Zähler fehlgeschlagener Anmeldungen gelöscht."
CLI_USER_LIST_EMPTY = "Es gibt noch kein Konto."
CLI_USER_LINE = "{name}\t{roles}\t{status}\tangelegt {created}"
CLI_USER_ACTIVE = "aktiv"
CLI_USER_DISABLED = "gesperrt"
CLI_ACCOUNT_REFUSED = "Fehler: {message}"
