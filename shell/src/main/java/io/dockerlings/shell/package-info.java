/** The dockerlings REPL, launcher and batch mode. */
package io.dockerlings.shell;
