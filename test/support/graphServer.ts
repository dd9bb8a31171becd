export { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer, type GraphServer } from '../../local/graph/graphServer';
