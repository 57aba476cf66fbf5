# Installs laogan where a system looks for it: the binary, its man page and bash/zsh completions.
#
#   make && sudo make install                           # under /usr/local
#   make && make install PREFIX=$HOME/.local            # for one user
#   make uninstall PREFIX=…
#
# DESTDIR is honoured for packaging. The man page is generated from the commands themselves
# (`laogan --experimental-dump-help`, by Scripts/manpage.py), so it never disagrees with --help;
# swift-argument-parser's generate-manual plugin would drop every Chinese character.

PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
BUILT := .build/release/laogan
MANPAGE := .build/release/laogan.1

.PHONY: all install uninstall

# Built as yourself (root's PATH seldom has swift); `install` only copies.
all:
	swift build -c release
	python3 Scripts/manpage.py $(BUILT) > $(MANPAGE)

install:
	@test -x $(BUILT) -a -f $(MANPAGE) || { echo "run make first (as yourself), then make install" >&2; exit 1; }
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)"
	install -m 0755 $(BUILT) "$(BINDIR)/laogan"
	install -m 0644 $(MANPAGE) "$(MANDIR)/laogan.1"
	$(BUILT) --generate-completion-script bash > "$(BASHDIR)/laogan"
	$(BUILT) --generate-completion-script zsh > "$(ZSHDIR)/_laogan"

uninstall:
	rm -f "$(BINDIR)/laogan" "$(MANDIR)/laogan.1" "$(BASHDIR)/laogan" "$(ZSHDIR)/_laogan"
