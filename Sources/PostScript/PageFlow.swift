/// Fills pages from the top with blocks of known height. A block is never
/// split across pages (a form field or a grid cell stays whole); a block
/// marked `keepWithNext` (a heading) moves to the next page with the block
/// after it; `breakBefore` starts a new page.
public struct FlowBlock {
    public var height: Double
    /// Space above the block, dropped at the top of a page.
    public var spaceBefore: Double
    public var keepWithNext: Bool
    public var breakBefore: Bool
    /// Draws the block with its top edge at `top` (PostScript y).
    public var draw: (inout PageCanvas, _ top: Double) -> Void

    public init(height: Double, spaceBefore: Double = 0, keepWithNext: Bool = false, breakBefore: Bool = false,
                draw: @escaping (inout PageCanvas, _ top: Double) -> Void) {
        self.height = height
        self.spaceBefore = spaceBefore
        self.keepWithNext = keepWithNext
        self.breakBefore = breakBefore
        self.draw = draw
    }
}

public enum PageFlow {
    /// One placed block: which block, and its top measured down from the
    /// frame's top.
    public struct Placement: Sendable, Hashable {
        public var index: Int
        public var offset: Double
    }

    /// Pages of placements for a frame `frameHeight` points tall. A block
    /// taller than the frame gets a page of its own (and overflows it; the
    /// caller should refuse such blocks before).
    public static func paginate(_ blocks: [FlowBlock], frameHeight: Double) -> [[Placement]] {
        var pages: [[Placement]] = [[]]
        var used = 0.0
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if block.breakBefore && !pages[pages.count - 1].isEmpty {
                pages.append([])
                used = 0
            }
            // The block and everything chained to it with keepWithNext.
            var chainEnd = index
            while chainEnd + 1 < blocks.count && blocks[chainEnd].keepWithNext && !blocks[chainEnd + 1].breakBefore {
                chainEnd += 1
            }
            let chainHeight = (index...chainEnd).reduce(0.0) { total, i in
                total + blocks[i].height + (i == index ? 0 : blocks[i].spaceBefore)
            }
            let space = pages[pages.count - 1].isEmpty ? 0 : block.spaceBefore
            let fitsChain = used + space + chainHeight <= frameHeight + 0.01
            let fitsBlock = used + space + block.height <= frameHeight + 0.01
            let chainFitsEmptyPage = chainHeight <= frameHeight
            if !pages[pages.count - 1].isEmpty && (!fitsBlock || (!fitsChain && chainFitsEmptyPage)) {
                pages.append([])
                used = 0
            }
            let top = used + (pages[pages.count - 1].isEmpty ? 0 : block.spaceBefore)
            pages[pages.count - 1].append(Placement(index: index, offset: top))
            used = top + block.height
            index += 1
        }
        if pages.count > 1 && pages[pages.count - 1].isEmpty { pages.removeLast() }
        return pages
    }
}
