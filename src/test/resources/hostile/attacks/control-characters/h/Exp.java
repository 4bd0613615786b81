package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: control characters in what the code prints and throws: a NUL, the bell, a terminal-title
 * sequence, a screen clear and a right-to-left override. None may reach a report or a terminal raw.
 */
@Op("exp")
public final class Exp extends Node {
    static final String NASTY = "\u0000\u0007\u001b]0;pwned\u0007\u001b[2J\u202eevil\u009b";

    public Exp(Node x) {
        super(x);
        System.out.println("printed " + NASTY);
    }

    public void forward() {
        throw new IllegalStateException("thrown " + NASTY);
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
