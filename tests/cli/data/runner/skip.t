# The runner's own test of preconditions: one case runs, one is skipped.

### läuft
$ true

### übersprungen
? false
$ false
