/** One page of a list, as every list use case takes and returns it. */
export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
  sortBy?: string;
  direction?: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
}

export function pageWindow({ page, pageSize }: PageRequest): { skip: number; take: number } {
  return { skip: (page - 1) * pageSize, take: pageSize };
}
