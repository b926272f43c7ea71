/*
 * main.c: the abgleich program: picks the command and runs it.
 */
#include <stdio.h>
#include <string.h>

#include "abgleich.h"
#include "cli.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"text", cmd_text, "each document as the pipeline read it"},
    {"facts", cmd_facts, "money, percentages, dates and quantities, one per line or as JSON"},
    {"check", cmd_check, "cross-check the claims of the documents: where do sources disagree"},
    {"terms", cmd_terms, "stem frequencies and keyness per source or document"},
    {"kwic", cmd_kwic, "every occurrence of a word, matched by its stem, in context"},
    {"stem", cmd_stem, "Snowball stems of words (stdin when no WORD is given)"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void general_help(FILE *out)
{
    size_t i;

    fputs("usage: abgleich <command> [options] PATH...\n"
          "\n"
          "abgleich reads German news articles (plain text, HTML, RSS and Atom),\n"
          "extracts their hard facts and shows where the sources disagree.\n"
          "\n"
          "Commands:\n",
          out);
    for (i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fputs("  help     show the help of a command\n"
          "\n"
          "PATH is a file, a folder (read recursively, in sorted order) or - for\n"
          "standard input. Run 'abgleich help <command>' for a command's options.\n"
          "\n"
          "Exit status: 0 done; 1 check found conflicts; 2 a usage error, an input\n"
          "that could not be read or decoded, or output that could not be written.\n",
          out);
}

static const command *find(const char *name)
{
    size_t i;

    for (i = 0; i < NCOMMANDS; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

static int finish(int rc)
{
    /* results that could not be written are trouble too */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fclose(stdout);
        return cli_error("error writing standard output");
    }
    if (fclose(stdout) != 0)
        return cli_error("error writing standard output");
    return rc;
}

int main(int argc, char **argv)
{
    const command *cmd;

    if (argc < 2)
        return cli_usage(NULL, "no command given");
    if (!strcmp(argv[1], "--version")) {
        printf("abgleich %s\n", abg_version());
        return finish(CLI_OK);
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        general_help(stdout);
        return finish(CLI_OK);
    }
    if (!strcmp(argv[1], "help")) {
        char *help_argv[3];
        if (argc < 3) {
            general_help(stdout);
            return finish(CLI_OK);
        }
        if (!(cmd = find(argv[2])))
            return cli_usage(NULL, "unknown command '%s'", argv[2]);
        help_argv[0] = argv[2];
        help_argv[1] = "--help";
        help_argv[2] = NULL;
        return finish(cmd->run(2, help_argv));
    }
    if (argv[1][0] == '-')
        return cli_usage(NULL, "unknown option '%s'", argv[1]);
    if (!(cmd = find(argv[1])))
        return cli_usage(NULL, "unknown command '%s'", argv[1]);
    return finish(cmd->run(argc - 1, argv + 1));
}
