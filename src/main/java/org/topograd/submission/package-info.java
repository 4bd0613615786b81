/**
 * A student's submission from files to chosen classes: finding its sources, compiling them
 * (without running any of its code), and deciding from what the worker found which class
 * implements each op and the traversal, with a message for everything missing or wrong.
 */
package org.topograd.submission;
