/** The keys screen: the table of the current workspace's keys, its filters, selection and export. */
export { KeysScreen } from "./KeysScreen";
