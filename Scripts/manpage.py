#!/usr/bin/env python3
"""laogan.1 from the commands themselves: `laogan --experimental-dump-help` (swift-argument-parser's
description of every command, option and example) written as a man(7) page.

argument-parser's own generate-manual plugin drops every character outside ASCII, and laogan's help is in
Chinese, so this writes the page instead, keeping the text as --help shows it.

    Scripts/manpage.py .build/release/laogan > laogan.1
"""
import datetime
import json
import subprocess
import sys


def roff(text):
    """Text as roff reads it: backslashes doubled, a line starting with . or ' kept as text."""
    lines = []
    for line in text.replace("\\", "\\e").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def synopsis(argument):
    names = argument.get("names") or []
    if argument["kind"] == "positional":
        shown = "<%s>" % argument["valueName"]
    else:
        name = argument.get("preferredName") or names[0]
        flag = ("--" if name["kind"] == "long" else "-") + name["name"]
        shown = flag if argument["kind"] == "flag" else "%s <%s>" % (flag, argument["valueName"])
    if argument.get("isRepeating"):
        shown += " ..."
    return "[%s]" % shown if argument.get("isOptional") else shown


def option(argument, out):
    names = argument.get("names") or []
    if argument["kind"] == "positional":
        label = "<%s>" % argument["valueName"]
    else:
        label = ", ".join(("--" if n["kind"] == "long" else "-") + n["name"] for n in names)
        if argument["kind"] == "option":
            label += " <%s>" % argument["valueName"]
    text = argument.get("abstract", "")
    if argument.get("allValues"):
        text += "（可选值：%s）" % "、".join(argument["allValues"])
    if argument.get("defaultValue"):
        text += "（默认：%s）" % argument["defaultValue"]
    out.append(".TP\n.B %s\n%s" % (roff(label), roff(text)))


def command(node, path, out, top):
    if not node.get("shouldDisplay", True):
        return
    # --version and --help stand once, under the top command.
    arguments = [a for a in node.get("arguments", []) if a.get("shouldDisplay", True)
                 and (top or a.get("valueName") not in ("version", "help"))]
    name = " ".join(path)
    if not top:
        out.append(".SH %s" % roff(name))
    if node.get("abstract"):
        out.append(roff(node["abstract"]))
    if node.get("subcommands") and not top:
        out.append(".PP\n子命令：%s" % roff("、".join(
            s["commandName"] for s in node["subcommands"] if s.get("shouldDisplay", True))))
    if arguments and not node.get("subcommands"):
        out.append(".PP\n.B %s\n%s" % (roff(name), roff(" ".join(synopsis(a) for a in arguments))))
    if node.get("discussion"):
        out.append(".PP\n.nf\n%s\n.fi" % roff(node["discussion"]))
    for argument in arguments:
        option(argument, out)
    for sub in node.get("subcommands", []):
        command(sub, path + [sub["commandName"]], out, False)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "laogan"
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True,
                                     capture_output=True, text=True).stdout)
    root = dump["command"]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    today = datetime.date.today().isoformat()
    out = ['.TH LAOGAN 1 "%s" "laogan %s" "老干部局记录管理"' % (today, version),
           ".SH NAME\nlaogan \\- %s" % roff(root.get("abstract", "")),
           ".ad l",  # no stretched blanks between Chinese words
           ".SH SYNOPSIS\n.B laogan\n<命令> [<选项>] ...",
           ".SH DESCRIPTION"]
    command(root, ["laogan"], out, True)
    out.append(".SH SEE ALSO\n仓库中的 docs/manual.md（使用手册）与 docs/columns.md（导入各类记录的列）。")
    print("\n".join(out))


if __name__ == "__main__":
    main()
