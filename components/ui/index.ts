// Design-system primitives, server-compatible except ErrorPanel and LazyDetails (client leaves); import from "@/components/ui".
export { AddressLink } from "./address-link";
export { Badge, type BadgeTone } from "./badge";
export { Card, CardTitle, type CardTone } from "./card";
export { cn } from "./cn";
export { EmptyState } from "./empty-state";
export { ErrorPanel } from "./error-panel";
export { hrefWith, type SearchParamsRecord } from "./href";
export { LazyDetails } from "./lazy-details";
export { Pagination } from "./pagination";
export { QueryStatus } from "./query-status";
export { PageHeading, Section, SectionHeading } from "./section-heading";
export { Skeleton, SkeletonHeading, SkeletonPage, SkeletonStats, SkeletonTable } from "./skeleton";
export { Stat, StatGrid, type StatTone } from "./stat";
export { TabLinks } from "./tab-links";
export { ActionsTh, TBody, THead, Table, Td, Th, Tr, tableStyles, type Column } from "./table";
