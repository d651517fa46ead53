package org.sketchfind.engine.eval;

import java.util.Arrays;

/**
 * Point-region quadtree over 2-D points for the Barnes–Hut approximation of t-SNE's repulsive forces (van der
 * Maaten 2014, Sec. 4.2). Leaves hold one point, except points that coincide exactly (or at the depth limit), which
 * share a leaf. Every cell keeps its point count and centre of mass. Arrays, not objects: built once per iteration.
 */
final class QuadTree {
    private static final int MAX_DEPTH = 48;

    private final double[] y; // interleaved x0 y0 x1 y1 …
    private int nodes;
    private double[] cx, cy, half, sumX, sumY;
    private int[] count, firstChild, leafHead;
    private final int[] nextInLeaf;
    private int[] depth;

    QuadTree(double[] y, int n) {
        this.y = y;
        int cap = Math.max(16, 4 * n);
        cx = new double[cap];
        cy = new double[cap];
        half = new double[cap];
        sumX = new double[cap];
        sumY = new double[cap];
        count = new int[cap];
        firstChild = new int[cap];
        leafHead = new int[cap];
        depth = new int[cap];
        nextInLeaf = new int[n];
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-12;
        newNode((minX + maxX) / 2, (minY + maxY) / 2, h, 0);
        for (int i = 0; i < n; i++) {
            insert(i);
        }
    }

    private int newNode(double x, double yy, double h, int level) {
        if (nodes == cx.length) {
            int cap = cx.length * 2;
            cx = Arrays.copyOf(cx, cap);
            cy = Arrays.copyOf(cy, cap);
            half = Arrays.copyOf(half, cap);
            sumX = Arrays.copyOf(sumX, cap);
            sumY = Arrays.copyOf(sumY, cap);
            count = Arrays.copyOf(count, cap);
            firstChild = Arrays.copyOf(firstChild, cap);
            leafHead = Arrays.copyOf(leafHead, cap);
            depth = Arrays.copyOf(depth, cap);
        }
        int id = nodes++;
        cx[id] = x;
        cy[id] = yy;
        half[id] = h;
        sumX[id] = 0;
        sumY[id] = 0;
        count[id] = 0;
        firstChild[id] = -1;
        leafHead[id] = -1;
        depth[id] = level;
        return id;
    }

    private int childFor(int node, double px, double py) {
        int c = firstChild[node];
        return c + (px >= cx[node] ? 1 : 0) + (py >= cy[node] ? 2 : 0);
    }

    private void subdivide(int node) {
        double h = half[node] / 2;
        int d = depth[node] + 1;
        int first = newNode(cx[node] - h, cy[node] - h, h, d);
        newNode(cx[node] + h, cy[node] - h, h, d);
        newNode(cx[node] - h, cy[node] + h, h, d);
        newNode(cx[node] + h, cy[node] + h, h, d);
        firstChild[node] = first;
        // the leaf's points all sit at one position (see insert): move them together into one child
        int head = leafHead[node];
        leafHead[node] = -1;
        double px = y[2 * head], py = y[2 * head + 1];
        int child = childFor(node, px, py);
        leafHead[child] = head;
        int k = 0;
        for (int p = head; p >= 0; p = nextInLeaf[p]) {
            k++;
        }
        count[child] = k;
        sumX[child] = px * k;
        sumY[child] = py * k;
    }

    private void insert(int p) {
        double px = y[2 * p], py = y[2 * p + 1];
        int node = 0;
        while (true) {
            count[node]++;
            sumX[node] += px;
            sumY[node] += py;
            if (firstChild[node] < 0) {
                int head = leafHead[node];
                if (head < 0) {
                    leafHead[node] = p;
                    nextInLeaf[p] = -1;
                    return;
                }
                boolean same = y[2 * head] == px && y[2 * head + 1] == py;
                if (same || depth[node] >= MAX_DEPTH) {
                    nextInLeaf[p] = head;
                    leafHead[node] = p;
                    return;
                }
                subdivide(node);
            }
            node = childFor(node, px, py);
        }
    }

    /**
     * Barnes–Hut sum for point i: adds to {@code out[0..1]} Σ_j q_ij² Z² (y_i − y_j) (un-normalised repulsion) and
     * returns Σ_{j≠i} (1 + ‖y_i − y_j‖²)^−1 (point i's share of Z). A cell whose width w and distance d to its
     * centre of mass satisfy w / d &lt; θ is summarised by its centre of mass.
     */
    double repulsion(int i, double theta, int[] stack, double[] out) {
        double px = y[2 * i], py = y[2 * i + 1];
        double theta2 = theta * theta;
        double sumQ = 0, fx = 0, fy = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            int cnt = count[node];
            if (cnt == 0) {
                continue;
            }
            if (firstChild[node] < 0) {
                for (int j = leafHead[node]; j >= 0; j = nextInLeaf[j]) {
                    if (j == i) {
                        continue;
                    }
                    double dx = px - y[2 * j], dy = py - y[2 * j + 1];
                    double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    sumQ += q;
                    double qq = q * q;
                    fx += qq * dx;
                    fy += qq * dy;
                }
                continue;
            }
            double mx = sumX[node] / cnt, my = sumY[node] / cnt;
            double dx = px - mx, dy = py - my;
            double d2 = dx * dx + dy * dy;
            double w = 2 * half[node];
            if (w * w < theta2 * d2) {
                double q = 1.0 / (1.0 + d2);
                sumQ += cnt * q;
                double qq = cnt * q * q;
                fx += qq * dx;
                fy += qq * dy;
            } else {
                int c = firstChild[node];
                stack[sp++] = c;
                stack[sp++] = c + 1;
                stack[sp++] = c + 2;
                stack[sp++] = c + 3;
            }
        }
        out[0] += fx;
        out[1] += fy;
        return sumQ;
    }

    /** Stack size enough for a depth-first traversal. */
    static int stackSize() {
        return 3 * (MAX_DEPTH + 2) + 4;
    }
}
