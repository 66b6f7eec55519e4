export declare const CLIENT_ADDRESS_HEADER: "x-triangulate-client-address";
export type TrustProxy = { header: string; hops: number };
export declare function parseTrustProxy(value: string | undefined): TrustProxy | null;
export declare function clientAddressFrom(
  socketAddress: string | undefined,
  headerValue: string | string[] | undefined,
  trust: TrustProxy | null,
): string;
