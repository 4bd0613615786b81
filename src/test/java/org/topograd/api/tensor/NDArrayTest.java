package org.topograd.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NDArray's numpy rules, each checked against values worked out by hand (or by numpy). */
class NDArrayTest {
    private static final NDArray M = NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}); // [2, 3]

    private static void assertArray(NDArray actual, double[] elements, int... shape) {
        assertArrayEquals(shape, actual.shape(), "shape of " + actual);
        assertArrayEquals(elements, actual.toArray(), 1e-12, actual.toString());
    }

    @Test
    void factoriesMakeTheShapesTheySay() {
        assertArray(NDArray.scalar(2.5), new double[] {2.5});
        assertEquals(0, NDArray.scalar(2.5).rank());
        assertArray(NDArray.vector(1, 2), new double[] {1, 2}, 2);
        assertArray(M, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArray(NDArray.zeros(2, 2), new double[4], 2, 2);
        assertArray(NDArray.ones(3), new double[] {1, 1, 1}, 3);
        assertArray(NDArray.full(7, 1, 2), new double[] {7, 7}, 1, 2);
        assertArray(NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2), new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertEquals(6, M.get(1, 2));
        assertEquals(2, M.get(0, 1));
        assertEquals(5, M.at(4));
        assertEquals(3, M.dim(-1));
        assertEquals(2.5, NDArray.scalar(2.5).item());
        assertEquals(4, NDArray.vector(4).item());
    }

    @Test
    void arraysAreImmutable() {
        double[] data = {1, 2};
        NDArray v = NDArray.of(data, 2);
        data[0] = 99;
        v.toArray()[1] = 99;
        v.shape()[0] = 5;
        v.plus(v);
        assertArray(v, new double[] {1, 2}, 2);
    }

    @Test
    void elementwiseWithTheSameShape() {
        NDArray n = NDArray.matrix(new double[][] {{2, 2, 2}, {1, 1, 2}});
        assertArray(M.plus(n), new double[] {3, 4, 5, 5, 6, 8}, 2, 3);
        assertArray(M.minus(n), new double[] {-1, 0, 1, 3, 4, 4}, 2, 3);
        assertArray(M.times(n), new double[] {2, 4, 6, 4, 5, 12}, 2, 3);
        assertArray(M.div(n), new double[] {0.5, 1, 1.5, 4, 5, 3}, 2, 3);
        assertArray(M.neg(), new double[] {-1, -2, -3, -4, -5, -6}, 2, 3);
        assertArray(M.pow(2), new double[] {1, 4, 9, 16, 25, 36}, 2, 3);
        assertArray(M.times(2).plus(1).minus(3).div(4), new double[] {0, 0.5, 1, 1.5, 2, 2.5}, 2, 3);
        assertArray(NDArray.vector(0, 1).exp(), new double[] {1, Math.E}, 2);
        assertArray(NDArray.vector(1, Math.E).log(), new double[] {0, 1}, 2);
        assertArray(NDArray.vector(4, 9).sqrt(), new double[] {2, 3}, 2);
        assertArray(NDArray.vector(0).sin().plus(NDArray.vector(0).cos()), new double[] {1}, 1);
        assertArray(NDArray.vector(0).tanh(), new double[] {0}, 1);
        assertArray(M.zip(n, Math::max), new double[] {2, 2, 3, 4, 5, 6}, 2, 3);
    }

    @Test
    void aVectorBroadcastsAlongTheRows() {
        NDArray b = NDArray.vector(10, 20, 30);
        assertArray(M.plus(b), new double[] {11, 22, 33, 14, 25, 36}, 2, 3);
        assertArray(b.plus(M), new double[] {11, 22, 33, 14, 25, 36}, 2, 3);
        assertArray(b.minus(M), new double[] {9, 18, 27, 6, 15, 24}, 2, 3);
    }

    @Test
    void aColumnBroadcastsAlongTheColumns() {
        NDArray c = NDArray.of(new double[] {10, 100}, 2, 1);
        assertArray(M.times(c), new double[] {10, 20, 30, 400, 500, 600}, 2, 3);
        assertArray(c.div(M), new double[] {10, 5, 10.0 / 3, 25, 20, 100.0 / 6}, 2, 3);
    }

    @Test
    void aRowAndAColumnBroadcastToAMatrix() {
        NDArray row = NDArray.of(new double[] {1, 2, 3}, 1, 3);
        NDArray column = NDArray.of(new double[] {10, 20}, 2, 1);
        assertArray(row.plus(column), new double[] {11, 12, 13, 21, 22, 23}, 2, 3);
        assertArray(column.plus(NDArray.vector(1, 2, 3)), new double[] {11, 12, 13, 21, 22, 23}, 2, 3);
    }

    @Test
    void aScalarBroadcastsEverywhere() {
        NDArray two = NDArray.scalar(2);
        assertArray(M.times(two), new double[] {2, 4, 6, 8, 10, 12}, 2, 3);
        assertArray(two.minus(NDArray.vector(1, 2)), new double[] {1, 0}, 2);
        assertArray(two.plus(two), new double[] {4});
        assertArray(NDArray.vector(5).plus(NDArray.vector(1, 2, 3)), new double[] {6, 7, 8}, 3);
    }

    @Test
    void shapesThatDoNotBroadcastNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.plus(NDArray.vector(1, 2)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> M.times(NDArray.zeros(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> M.broadcastTo(3));
        assertThrows(IllegalArgumentException.class, () -> M.broadcastTo(3, 3));
    }

    @Test
    void matmulOfTwoMatrices() {
        NDArray b = NDArray.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}}); // [3, 2]
        assertArray(M.matmul(b), new double[] {4, 5, 10, 11}, 2, 2);
        assertArray(b.matmul(M), new double[] {1, 2, 3, 4, 5, 6, 5, 7, 9}, 3, 3);
    }

    @Test
    void matmulOfAMatrixAndAVectorDropsTheVectorsAxis() {
        assertArray(M.matmul(NDArray.vector(1, 0, -1)), new double[] {-2, -2}, 2); // [2, 3] @ [3] = [2]
        assertArray(NDArray.vector(1, -1).matmul(M), new double[] {-3, -3, -3}, 3); // [2] @ [2, 3] = [3]
        assertArray(NDArray.vector(1, 2, 3).matmul(NDArray.vector(4, 5, 6)), new double[] {32}); // dot, a scalar
    }

    @Test
    void matmulsShapeErrorsNameBothShapes() {
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class, () -> M.matmul(M));
        assertTrue(inner.getMessage().contains("[2, 3] @ [2, 3]"), inner.getMessage());
        assertThrows(IllegalArgumentException.class, () -> M.matmul(NDArray.vector(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> NDArray.vector(1, 2, 3).matmul(M));
        IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class,
                () -> M.matmul(NDArray.scalar(2)));
        assertTrue(scalar.getMessage().contains("times()"), scalar.getMessage());
    }

    @Test
    void matmulAgreesWithTheDefinitionOnRandomMatrices() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int m = 1 + random.nextInt(6);
            int n = 1 + random.nextInt(6);
            int p = 1 + random.nextInt(6);
            NDArray a = NDArray.of(random.doubles(m * n, -1, 1).toArray(), m, n);
            NDArray b = NDArray.of(random.doubles(n * p, -1, 1).toArray(), n, p);
            NDArray c = a.matmul(b);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < p; j++) {
                    double expected = 0;
                    for (int k = 0; k < n; k++) {
                        expected += a.get(i, k) * b.get(k, j);
                    }
                    assertEquals(expected, c.get(i, j), 1e-12);
                }
            }
        }
    }

    @Test
    void transposeSwapsRowsAndColumnsAndLeavesVectorsAlone() {
        assertArray(M.transpose(), new double[] {1, 4, 2, 5, 3, 6}, 3, 2);
        assertEquals(M, M.transpose().transpose());
        NDArray v = NDArray.vector(1, 2);
        assertSame(v, v.transpose());
    }

    @Test
    void sumAndMeanOfEverything() {
        assertArray(M.sum(), new double[] {21});
        assertArray(M.mean(), new double[] {3.5});
        assertArray(NDArray.scalar(4).sum(), new double[] {4});
    }

    @Test
    void sumAndMeanAlongAnAxis() {
        assertArray(M.sum(0), new double[] {5, 7, 9}, 3);
        assertArray(M.sum(1), new double[] {6, 15}, 2);
        assertArray(M.sum(-1), new double[] {6, 15}, 2);
        assertArray(M.mean(0), new double[] {2.5, 3.5, 4.5}, 3);
        assertArray(M.mean(1), new double[] {2, 5}, 2);
        assertArray(NDArray.vector(1, 2, 3).sum(0), new double[] {6});
        assertArray(M.sum(1, true), new double[] {6, 15}, 2, 1);
        assertArray(M.sum(0, true), new double[] {5, 7, 9}, 1, 3);
        assertArray(M.mean(-1, true), new double[] {2, 5}, 2, 1);
        assertArray(NDArray.vector(1, 2, 3).sum(0, true), new double[] {6}, 1);
        assertArray(M.max(1), new double[] {3, 6}, 2);
        assertArray(M.neg().max(0), new double[] {-1, -2, -3}, 3);
        assertArray(M.max(-1, true), new double[] {3, 6}, 2, 1);
    }

    @Test
    void anAxisOutOfRangeSaysWhichAxesThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.sum(2));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("0 to 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> M.sum(-3));
        assertThrows(IllegalArgumentException.class, () -> NDArray.scalar(1).sum(0));
    }

    @Test
    void sumToUndoesEachKindOfBroadcast() {
        assertArray(M.sumTo(3), new double[] {5, 7, 9}, 3);
        assertArray(M.sumTo(1, 3), new double[] {5, 7, 9}, 1, 3);
        assertArray(M.sumTo(2, 1), new double[] {6, 15}, 2, 1);
        assertArray(M.sumTo(1), new double[] {21}, 1);
        assertArray(M.sumTo(1, 1), new double[] {21}, 1, 1);
        assertArray(M.sumTo(), new double[] {21});
        assertSame(M, M.sumTo(2, 3));
        assertArray(NDArray.vector(1, 2, 3).sumTo(), new double[] {6});
        assertArray(NDArray.vector(1, 2, 3).sumTo(1), new double[] {6}, 1);
    }

    @Test
    void sumToIsTheAdjointOfBroadcastTo() {
        // <broadcast(x), y> = <x, sumTo(y)> for every x, y: the defining property of a gradient of broadcasting.
        SplittableRandom random = new SplittableRandom(2);
        int[][] small = {{}, {1}, {3}, {1, 3}, {2, 1}, {1, 1}, {2, 3}};
        for (int[] from : small) {
            NDArray x = NDArray.of(random.doubles(NDArray.zeros(from).size(), -1, 1).toArray(), from);
            NDArray y = NDArray.of(random.doubles(6, -1, 1).toArray(), 2, 3);
            double left = x.broadcastTo(2, 3).times(y).sum().item();
            double right = x.times(y.sumTo(from)).sum().item();
            assertEquals(left, right, 1e-12, java.util.Arrays.toString(from));
        }
    }

    @Test
    void sumToRefusesAShapeThatCouldNotHaveBeenBroadcast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.sumTo(2));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> M.sumTo(3, 2));
        assertThrows(IllegalArgumentException.class, () -> NDArray.vector(1, 2).sumTo(2, 2));
    }

    @Test
    void broadcastToRepeats() {
        assertArray(NDArray.vector(1, 2).broadcastTo(2, 2), new double[] {1, 2, 1, 2}, 2, 2);
        assertArray(NDArray.of(new double[] {1, 2}, 2, 1).broadcastTo(2, 2), new double[] {1, 1, 2, 2}, 2, 2);
        assertArray(NDArray.scalar(3).broadcastTo(2), new double[] {3, 3}, 2);
    }

    @Test
    void reshapeKeepsTheElements() {
        assertArray(M.reshape(3, 2), new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertArray(M.reshape(6), new double[] {1, 2, 3, 4, 5, 6}, 6);
        assertArray(NDArray.vector(7).reshape(), new double[] {7});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.reshape(4));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    }

    @Test
    void badConstructionsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(new double[] {1, 2, 3}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(-1));
        assertThrows(IllegalArgumentException.class, () -> NDArray.matrix(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> M.item());
        assertThrows(IllegalArgumentException.class, () -> M.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> M.get(2, 0));
    }

    @Test
    void equalityIsByShapeAndBits() {
        assertEquals(NDArray.vector(1, 2), NDArray.of(new double[] {1, 2}, 2));
        assertEquals(NDArray.vector(1, 2).hashCode(), NDArray.of(new double[] {1, 2}, 2).hashCode());
        assertNotEquals(NDArray.vector(1, 2), NDArray.of(new double[] {1, 2}, 1, 2));
        assertNotEquals(NDArray.scalar(0.0), NDArray.scalar(-0.0));
        assertEquals(NDArray.scalar(Double.NaN), NDArray.scalar(Double.NaN));
    }

    @Test
    void printsAsNumpyDoes() {
        assertEquals("2.5", NDArray.scalar(2.5).toString());
        assertEquals("[1.0, 2.0]", NDArray.vector(1, 2).toString());
        assertEquals("[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]", M.toString());
        String big = NDArray.zeros(100, 100).toString();
        assertTrue(big.length() < 500 && big.contains("..."), big);
    }
}
