import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace tensorboard. */
export namespace tensorboard {

    /**
     * Properties of an Event.
     * @deprecated Use tensorboard.Event.$Properties instead.
     */
    interface IEvent extends tensorboard.Event.$Properties {
    }

    /** Represents an Event. */
    class Event {

        /**
         * Constructs a new Event.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Event.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Event wall_time. */
        wall_time: number;

        /** Event step. */
        step: (number|Long);

        /** Event file_version. */
        file_version?: (string|null);

        /** Event graph_def. */
        graph_def?: (Uint8Array|null);

        /** Event summary. */
        summary?: (tensorboard.Summary.$Properties|null);

        /** Event what. */
        what?: ("file_version"|"graph_def"|"summary");

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Event & tensorboard.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Event & tensorboard.Event.$Shape;

        /**
         * Creates an Event message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Event
         */
        static fromObject(object: { [k: string]: any }): tensorboard.Event;

        /**
         * Creates a plain object from an Event message. Also converts values to other types if specified.
         * @param message Event
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Event to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace Event {

        /** Properties of an Event. */
        interface $Properties {

            /** Event wall_time */
            wall_time?: (number|null);

            /** Event step */
            step?: (number|Long|null);

            /** Event file_version */
            file_version?: (string|null);

            /** Event graph_def */
            graph_def?: (Uint8Array|null);

            /** Event summary */
            summary?: (tensorboard.Summary.$Properties|null);

            /** Event what */
            what?: ("file_version"|"graph_def"|"summary");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Event. */
        type $Shape = {
          wall_time?: number|null;
          step?: number|Long|null;
          file_version?: string|null;
          graph_def?: Uint8Array|null;
          summary?: tensorboard.Summary.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ what?: undefined; file_version?: null; graph_def?: null; summary?: null }|{ what?: "file_version"; file_version: string; graph_def?: null; summary?: null }|{ what?: "graph_def"; file_version?: null; graph_def: Uint8Array; summary?: null }|{ what?: "summary"; file_version?: null; graph_def?: null; summary: tensorboard.Summary.$Shape })
        );
    }

    /**
     * Properties of a SummaryMetadata.
     * @deprecated Use tensorboard.SummaryMetadata.$Properties instead.
     */
    interface ISummaryMetadata extends tensorboard.SummaryMetadata.$Properties {
    }

    /** Represents a SummaryMetadata. */
    class SummaryMetadata {

        /**
         * Constructs a new SummaryMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SummaryMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SummaryMetadata plugin_data. */
        plugin_data?: (tensorboard.SummaryMetadata.PluginData.$Properties|null);

        /** SummaryMetadata display_name. */
        display_name: string;

        /** SummaryMetadata summary_description. */
        summary_description: string;

        /**
         * Decodes a SummaryMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape} SummaryMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape;

        /**
         * Creates a SummaryMetadata message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SummaryMetadata
         */
        static fromObject(object: { [k: string]: any }): tensorboard.SummaryMetadata;

        /**
         * Creates a plain object from a SummaryMetadata message. Also converts values to other types if specified.
         * @param message SummaryMetadata
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.SummaryMetadata, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SummaryMetadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace SummaryMetadata {

        /** Properties of a SummaryMetadata. */
        interface $Properties {

            /** SummaryMetadata plugin_data */
            plugin_data?: (tensorboard.SummaryMetadata.PluginData.$Properties|null);

            /** SummaryMetadata display_name */
            display_name?: (string|null);

            /** SummaryMetadata summary_description */
            summary_description?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SummaryMetadata. */
        type $Shape = tensorboard.SummaryMetadata.$Properties;

        /**
         * Properties of a PluginData.
         * @deprecated Use tensorboard.SummaryMetadata.PluginData.$Properties instead.
         */
        interface IPluginData extends tensorboard.SummaryMetadata.PluginData.$Properties {
        }

        /** Represents a PluginData. */
        class PluginData {

            /**
             * Constructs a new PluginData.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.SummaryMetadata.PluginData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PluginData plugin_name. */
            plugin_name: string;

            /** PluginData content. */
            content: Uint8Array;

            /**
             * Decodes a PluginData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape} PluginData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape;

            /**
             * Creates a PluginData message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PluginData
             */
            static fromObject(object: { [k: string]: any }): tensorboard.SummaryMetadata.PluginData;

            /**
             * Creates a plain object from a PluginData message. Also converts values to other types if specified.
             * @param message PluginData
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.SummaryMetadata.PluginData, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PluginData to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PluginData {

            /** Properties of a PluginData. */
            interface $Properties {

                /** PluginData plugin_name */
                plugin_name?: (string|null);

                /** PluginData content */
                content?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PluginData. */
            type $Shape = tensorboard.SummaryMetadata.PluginData.$Properties;
        }
    }

    /**
     * Properties of a Summary.
     * @deprecated Use tensorboard.Summary.$Properties instead.
     */
    interface ISummary extends tensorboard.Summary.$Properties {
    }

    /** Represents a Summary. */
    class Summary {

        /**
         * Constructs a new Summary.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Summary.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Summary value. */
        value: tensorboard.Summary.Value.$Properties[];

        /**
         * Decodes a Summary message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Summary & tensorboard.Summary.$Shape} Summary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary & tensorboard.Summary.$Shape;

        /**
         * Creates a Summary message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Summary
         */
        static fromObject(object: { [k: string]: any }): tensorboard.Summary;

        /**
         * Creates a plain object from a Summary message. Also converts values to other types if specified.
         * @param message Summary
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.Summary, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Summary to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace Summary {

        /** Properties of a Summary. */
        interface $Properties {

            /** Summary value */
            value?: (tensorboard.Summary.Value.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Summary. */
        type $Shape = {
          value?: tensorboard.Summary.Value.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of a Value.
         * @deprecated Use tensorboard.Summary.Value.$Properties instead.
         */
        interface IValue extends tensorboard.Summary.Value.$Properties {
        }

        /** Represents a Value. */
        class Value {

            /**
             * Constructs a new Value.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Value.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Value node_name. */
            node_name: string;

            /** Value tag. */
            tag: string;

            /** Value metadata. */
            metadata?: (tensorboard.SummaryMetadata.$Properties|null);

            /** Value simple_value. */
            simple_value?: (number|null);

            /** Value obsolete_old_style_histogram. */
            obsolete_old_style_histogram?: (Uint8Array|null);

            /** Value tensor. */
            tensor?: (tensorboard.TensorProto.$Properties|null);

            /** Value value. */
            value?: ("simple_value"|"obsolete_old_style_histogram"|"tensor");

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape;

            /**
             * Creates a Value message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Value
             */
            static fromObject(object: { [k: string]: any }): tensorboard.Summary.Value;

            /**
             * Creates a plain object from a Value message. Also converts values to other types if specified.
             * @param message Value
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.Summary.Value, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Value to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Value {

            /** Properties of a Value. */
            interface $Properties {

                /** Value node_name */
                node_name?: (string|null);

                /** Value tag */
                tag?: (string|null);

                /** Value metadata */
                metadata?: (tensorboard.SummaryMetadata.$Properties|null);

                /** Value simple_value */
                simple_value?: (number|null);

                /** Value obsolete_old_style_histogram */
                obsolete_old_style_histogram?: (Uint8Array|null);

                /** Value tensor */
                tensor?: (tensorboard.TensorProto.$Properties|null);

                /** Value value */
                value?: ("simple_value"|"obsolete_old_style_histogram"|"tensor");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Value. */
            type $Shape = {
              node_name?: string|null;
              tag?: string|null;
              metadata?: tensorboard.SummaryMetadata.$Shape|null;
              simple_value?: number|null;
              obsolete_old_style_histogram?: Uint8Array|null;
              tensor?: tensorboard.TensorProto.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; simple_value?: null; obsolete_old_style_histogram?: null; tensor?: null }|{ value?: "simple_value"; simple_value: number; obsolete_old_style_histogram?: null; tensor?: null }|{ value?: "obsolete_old_style_histogram"; simple_value?: null; obsolete_old_style_histogram: Uint8Array; tensor?: null }|{ value?: "tensor"; simple_value?: null; obsolete_old_style_histogram?: null; tensor: tensorboard.TensorProto.$Shape })
            );
        }
    }

    /**
     * Properties of a TensorShapeProto.
     * @deprecated Use tensorboard.TensorShapeProto.$Properties instead.
     */
    interface ITensorShapeProto extends tensorboard.TensorShapeProto.$Properties {
    }

    /** Represents a TensorShapeProto. */
    class TensorShapeProto {

        /**
         * Constructs a new TensorShapeProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TensorShapeProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorShapeProto dim. */
        dim: tensorboard.TensorShapeProto.Dim.$Properties[];

        /** TensorShapeProto unknown_rank. */
        unknown_rank: boolean;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape;

        /**
         * Creates a TensorShapeProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TensorShapeProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.TensorShapeProto;

        /**
         * Creates a plain object from a TensorShapeProto message. Also converts values to other types if specified.
         * @param message TensorShapeProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.TensorShapeProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TensorShapeProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace TensorShapeProto {

        /** Properties of a TensorShapeProto. */
        interface $Properties {

            /** TensorShapeProto dim */
            dim?: (tensorboard.TensorShapeProto.Dim.$Properties[]|null);

            /** TensorShapeProto unknown_rank */
            unknown_rank?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorShapeProto. */
        type $Shape = tensorboard.TensorShapeProto.$Properties;

        /**
         * Properties of a Dim.
         * @deprecated Use tensorboard.TensorShapeProto.Dim.$Properties instead.
         */
        interface IDim extends tensorboard.TensorShapeProto.Dim.$Properties {
        }

        /** Represents a Dim. */
        class Dim {

            /**
             * Constructs a new Dim.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.TensorShapeProto.Dim.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dim size. */
            size: (number|Long);

            /** Dim name. */
            name: string;

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape;

            /**
             * Creates a Dim message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Dim
             */
            static fromObject(object: { [k: string]: any }): tensorboard.TensorShapeProto.Dim;

            /**
             * Creates a plain object from a Dim message. Also converts values to other types if specified.
             * @param message Dim
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.TensorShapeProto.Dim, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Dim to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Dim {

            /** Properties of a Dim. */
            interface $Properties {

                /** Dim size */
                size?: (number|Long|null);

                /** Dim name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Dim. */
            type $Shape = tensorboard.TensorShapeProto.Dim.$Properties;
        }
    }

    /**
     * Properties of a TensorProto.
     * @deprecated Use tensorboard.TensorProto.$Properties instead.
     */
    interface ITensorProto extends tensorboard.TensorProto.$Properties {
    }

    /** Represents a TensorProto. */
    class TensorProto {

        /**
         * Constructs a new TensorProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TensorProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorProto dtype. */
        dtype: number;

        /** TensorProto tensor_shape. */
        tensor_shape?: (tensorboard.TensorShapeProto.$Properties|null);

        /** TensorProto version_number. */
        version_number: number;

        /** TensorProto tensor_content. */
        tensor_content: Uint8Array;

        /** TensorProto half_val. */
        half_val: number[];

        /** TensorProto float_val. */
        float_val: number[];

        /** TensorProto double_val. */
        double_val: number[];

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TensorProto & tensorboard.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorProto & tensorboard.TensorProto.$Shape;

        /**
         * Creates a TensorProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TensorProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.TensorProto;

        /**
         * Creates a plain object from a TensorProto message. Also converts values to other types if specified.
         * @param message TensorProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.TensorProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TensorProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace TensorProto {

        /** Properties of a TensorProto. */
        interface $Properties {

            /** TensorProto dtype */
            dtype?: (number|null);

            /** TensorProto tensor_shape */
            tensor_shape?: (tensorboard.TensorShapeProto.$Properties|null);

            /** TensorProto version_number */
            version_number?: (number|null);

            /** TensorProto tensor_content */
            tensor_content?: (Uint8Array|null);

            /** TensorProto half_val */
            half_val?: (number[]|null);

            /** TensorProto float_val */
            float_val?: (number[]|null);

            /** TensorProto double_val */
            double_val?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorProto. */
        type $Shape = tensorboard.TensorProto.$Properties;
    }
}
