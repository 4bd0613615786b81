package org.topograd.cli;

/**
 * What topograd's exit status means, the same for every command (and listed in every
 * {@code --help} and in the README).
 */
final class ExitCodes {
    /** Everything checked is right: every spec valid, every check passed, the job done. */
    public static final int OK = 0;
    /** The command ran and found something wrong: an invalid spec, a failing check, a surviving mutant. */
    public static final int FINDINGS = 1;
    /** The command line itself was wrong: an unknown option, a missing argument. */
    public static final int USAGE = 2;
    /** topograd could not do the job: an unreadable folder, a disk error, a bug in topograd. */
    public static final int FAILURE = 3;

    /** The footer every command's help shows. */
    static final String HELP_FOOTER = "%nExit status: 0 all good; 1 something checked is wrong (an invalid spec,"
            + " a failing check); 2 bad usage; 3 topograd could not do the job (I/O error, internal error).";

    private ExitCodes() {}
}
