// Design-system primitives. All are server-compatible (no "use client"); import from "@/components/ui".
export { AddressLink } from "./address-link";
export { Badge, type BadgeTone } from "./badge";
export { Card, CardTitle, type CardTone } from "./card";
export { cn } from "./cn";
export { EmptyState } from "./empty-state";
export { ErrorPanel } from "./error-panel";
export { hrefWith, type SearchParamsRecord } from "./href";
export { Pagination } from "./pagination";
export { PageHeading, SectionHeading } from "./section-heading";
export { Skeleton, SkeletonPage, SkeletonStats, SkeletonTable } from "./skeleton";
export { Stat, StatGrid, type StatTone } from "./stat";
export { TabLinks } from "./tab-links";
export { TBody, THead, Table, Td, Th, Tr, tableStyles } from "./table";
